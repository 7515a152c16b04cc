"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { formatAbsolute } from "@/lib/format/time";
import { fetchJson } from "@/lib/query/fetch-json";
import type { ApiTokenSummary } from "@/lib/store/types";

type StoredBinding = { role: string; servers?: string[]; spiffeIdPrefixes?: string[]; dnsSuffixes?: string[] };

function describeBindings(bindings: unknown): string {
  if (!Array.isArray(bindings)) return "(unreadable)";
  return (bindings as StoredBinding[])
    .map((b) =>
      [
        b.role,
        b.servers && `on ${b.servers.join(", ")}`,
        b.spiffeIdPrefixes && `under ${b.spiffeIdPrefixes.join(", ")}`,
      ]
        .filter(Boolean)
        .join(" "),
    )
    .join("; ");
}

const when = (ms: number | null) => (ms === null ? "—" : formatAbsolute(new Date(ms).toISOString()));

/** The API tokens with their roles, expiry and last use; live tokens can be revoked. */
export function TokenTable({ tokens, onRevoked }: { tokens: ApiTokenSummary[]; onRevoked: () => void }) {
  const [error, setError] = useState<string | null>(null);
  async function revoke(token: ApiTokenSummary) {
    if (!window.confirm(`Revoke the token '${token.name}'? Scripts using it stop working at once.`)) return;
    try {
      await fetchJson(`/api/tokens/${encodeURIComponent(token.id)}`, { method: "DELETE" });
      onRevoked();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  if (tokens.length === 0) return <p className="text-sm text-slate-600">No API tokens yet.</p>;
  return (
    <div className="space-y-2">
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">API tokens</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase">
          <tr>
            <th className="py-2 pr-3">Name</th>
            <th className="py-2 pr-3">Roles</th>
            <th className="py-2 pr-3">Created</th>
            <th className="py-2 pr-3">Expires</th>
            <th className="py-2 pr-3">Last used</th>
            <th className="py-2 pr-3">State</th>
            <th className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className="border-b border-slate-100">
              <td className="py-2 pr-3 font-medium">{t.name}</td>
              <td className="py-2 pr-3">{describeBindings(t.bindings)}</td>
              <td className="py-2 pr-3">
                {when(t.createdAt)} <span className="text-slate-600">by {t.createdBy}</span>
              </td>
              <td className="py-2 pr-3">{t.expiresAt === null ? "never" : when(t.expiresAt)}</td>
              <td className="py-2 pr-3">{t.lastUsedAt === null ? "never" : when(t.lastUsedAt)}</td>
              <td className="py-2 pr-3">{t.revokedAt === null ? "active" : `revoked ${when(t.revokedAt)}`}</td>
              <td className="py-2">
                {t.revokedAt === null ? (
                  <Button variant="destructive" size="sm" onClick={() => void revoke(t)}>
                    Revoke<span className="sr-only"> {t.name}</span>
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
