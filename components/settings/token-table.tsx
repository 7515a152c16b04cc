"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeText } from "@/components/ui/time-text";
import { deleteApiToken } from "@/lib/query/api-changes";
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

/** The API tokens with their roles, expiry and last use; live tokens can be revoked (typing the name to confirm). */
export function TokenTable({
  tokens,
  now,
  onRevoked,
}: {
  tokens: ApiTokenSummary[];
  /** When the list was read (epoch ms), for relative times. */
  now: number;
  onRevoked: () => void;
}) {
  const when = (ms: number | null) => (ms === null ? "—" : <TimeText iso={new Date(ms).toISOString()} now={now} />);
  const [revoking, setRevoking] = useState<ApiTokenSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function revoke(token: ApiTokenSummary) {
    setBusy(true);
    setError(null);
    try {
      await deleteApiToken(token.id);
      setRevoking(null);
      onRevoked();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  if (tokens.length === 0) return <p className="text-sm text-slate-600">No API tokens yet.</p>;
  return (
    <>
      <Table caption="API tokens">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Roles</TableHead>
            <TableHead>Created</TableHead>
            <TableHead>Expires</TableHead>
            <TableHead>Last used</TableHead>
            <TableHead>State</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tokens.map((t) => (
            <TableRow key={t.id}>
              <TableCell className="font-medium">{t.name}</TableCell>
              <TableCell>{describeBindings(t.bindings)}</TableCell>
              <TableCell>
                {when(t.createdAt)} <span className="text-slate-600">by {t.createdBy}</span>
              </TableCell>
              <TableCell>{t.expiresAt === null ? "never" : when(t.expiresAt)}</TableCell>
              <TableCell>{t.lastUsedAt === null ? "never" : when(t.lastUsedAt)}</TableCell>
              <TableCell>{t.revokedAt === null ? "active" : <>revoked {when(t.revokedAt)}</>}</TableCell>
              <TableCell>
                {t.revokedAt === null ? (
                  <Button variant="destructive" size="sm" onClick={() => setRevoking(t)}>
                    Revoke<span className="sr-only"> {t.name}</span>
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke the token '${revoking?.name ?? ""}'?`}
        confirmLabel="Revoke token"
        busyLabel="Revoking…"
        busy={busy}
        typedConfirmation={revoking?.name}
        onCancel={() => {
          setRevoking(null);
          setError(null);
        }}
        onConfirm={() => revoking && void revoke(revoking)}
      >
        <p>Scripts using it stop working at once; this cannot be undone.</p>
        {error ? (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
