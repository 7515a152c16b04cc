"use client";

import { useAccess } from "@/components/auth/access-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BundleCopy, RotationView } from "@/lib/authorities/rotation-types";

import { usePartnerRefresh } from "./use-rotation";

function Holds({ copy, id }: { copy: BundleCopy; id: string | undefined }) {
  if (!id) return <>–</>;
  if (!copy.authorities) return <Badge tone="neutral">unknown</Badge>;
  const held = copy.authorities.find((a) => a.id === id);
  if (!held) return <Badge tone="bad">no</Badge>;
  return <Badge tone={held.tainted ? "warn" : "good"}>{held.tainted ? "yes, tainted" : "yes"}</Badge>;
}

function RefreshPartner({ view, copy }: { view: RotationView; copy: BundleCopy }) {
  const partner = copy.server!;
  const access = useAccess("federation.refresh", partner);
  const refresh = usePartnerRefresh(view.server);
  if (!access.allowed) return null;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        size="sm"
        variant="secondary"
        disabled={refresh.isPending}
        onClick={() => refresh.mutate({ partner, trustDomain: view.trustDomain })}
      >
        {refresh.isPending ? "Refreshing…" : "Refresh its copy now"}
        <span className="sr-only">
          : {partner}&apos;s copy of {view.trustDomain}
        </span>
      </Button>
      {refresh.isError ? (
        <span role="alert" className="text-xs text-red-700">
          {refresh.error.message}
        </span>
      ) : null}
    </span>
  );
}

/** Which copies of the trust bundle hold the active, prepared and old authority. */
export function BundleCopies({ view }: { view: RotationView }) {
  const ids = {
    active: view.slots?.active?.authorityId,
    prepared: view.slots?.prepared?.authorityId,
    old: view.slots?.old?.authorityId,
  };
  return (
    <Table frameClassName="relative" caption={`Copies of ${view.trustDomain}'s bundle`} data-testid="bundle-copies">
      <TableHeader>
        <TableRow>
          <TableHead>Copy</TableHead>
          <TableHead>Holds active</TableHead>
          <TableHead>Holds prepared</TableHead>
          <TableHead>Holds old</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {view.copies.map((copy) => (
          <TableRow
            key={`${copy.kind}:${copy.label}`}
            data-testid="bundle-copy"
            data-copy={copy.server ?? copy.label}
            data-kind={copy.kind}
          >
            <TableCell>
              <div className="font-medium">{copy.label}</div>
              {copy.reason ? <div className="text-xs text-slate-600">{copy.reason}</div> : null}
              {copy.updates && !copy.reason ? <div className="text-xs text-slate-600">{copy.updates}</div> : null}
            </TableCell>
            <TableCell>
              <Holds copy={copy} id={ids.active} />
            </TableCell>
            <TableCell>
              <Holds copy={copy} id={ids.prepared} />
            </TableCell>
            <TableCell>
              <Holds copy={copy} id={ids.old} />
            </TableCell>
            <TableCell>
              {copy.kind === "partner" && copy.server ? <RefreshPartner view={view} copy={copy} /> : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
