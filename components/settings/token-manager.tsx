"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { CopyButton } from "@/components/ui/copy-button";
import { fetchApiTokens } from "@/lib/query/api";
import { tokenKeys } from "@/lib/query/keys";
import type { ApiTokenSummary } from "@/lib/store/types";

import { CreateTokenForm } from "./create-token-form";
import { TokenTable } from "./token-table";

/** Lists API tokens, creates them (showing the secret once) and revokes them. */
export function TokenManager({
  initialTokens,
  renderedAt,
  servers,
}: {
  initialTokens: ApiTokenSummary[];
  /** When the server read `initialTokens` (epoch ms): "now" for relative times in the first render. */
  renderedAt: number;
  servers: string[];
}) {
  const client = useQueryClient();
  const tokens = useQuery({
    queryKey: tokenKeys.all,
    queryFn: () => fetchApiTokens(),
    initialData: initialTokens,
    initialDataUpdatedAt: renderedAt,
  });
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: tokenKeys.all });
  return (
    <div className="space-y-6">
      <CreateTokenForm
        servers={servers}
        onCreated={(name, token) => {
          setSecret({ name, token });
          void refresh();
        }}
      />
      {secret ? (
        <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">
            Token &lsquo;{secret.name}&rsquo; created. Copy it now: it is not shown again.
          </p>
          <div className="flex items-start gap-1">
            <code
              data-testid="new-token"
              className="block min-w-0 flex-1 rounded bg-white p-2 font-mono text-xs break-all"
            >
              {secret.token}
            </code>
            <CopyButton value={secret.token} label="token" />
          </div>
        </div>
      ) : null}
      <TokenTable tokens={tokens.data} now={tokens.dataUpdatedAt} onRevoked={() => void refresh()} />
    </div>
  );
}
