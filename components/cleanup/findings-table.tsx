"use client";

import { Badge } from "@/components/ui/badge";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Finding, FindingKind } from "@/lib/cleanup/cleanup-types";
import { orphanKindWords } from "@/lib/entries/orphan-kind";
import { links } from "@/lib/links";

export const kindLabels: Record<FindingKind, string> = {
  "orphan-entry": orphanKindWords["orphan-entry"].label,
  "parent-agent-banned": "parent agent banned",
  "parent-agent-evicted": orphanKindWords["parent-agent-evicted"].label,
  "parent-agent-expired": "parent agent expired",
  "entry-expired": "entry expired",
  "duplicate-entry": "duplicate",
  "agent-expired": "agent expired",
};

function Target({ server, finding }: { server: string; finding: Finding }) {
  const href =
    finding.target.type === "entry" ? links.entry(server, finding.target.id) : links.agent(server, finding.target.id);
  return (
    <>
      <SpiffeId value={finding.spiffeId} href={href} className="text-xs" />
      <div className="break-all font-mono text-[11px] text-slate-600">
        {finding.target.type === "entry" ? `entry ${finding.target.id} · parent ${finding.parentId}` : "agent"}
      </div>
    </>
  );
}

/** Findings with a checkbox each (when `selected` is given), the kind, the target and every reason. */
export function FindingsTable({
  server,
  findings,
  caption,
  selected,
  onToggle,
  onToggleAll,
}: {
  server: string;
  findings: Finding[];
  caption: string;
  selected?: ReadonlySet<string>;
  onToggle?: (key: string) => void;
  onToggleAll?: (all: boolean) => void;
}) {
  const all = selected !== undefined && findings.length > 0 && findings.every((f) => selected.has(f.key));
  return (
    <Table caption={caption} overflow="scroll" stickyHeader layout="fixed" data-testid="findings-table">
      <TableHeader>
        <TableRow>
          {selected ? (
            <TableHead className="w-10">
              <input
                type="checkbox"
                aria-label="Select every finding"
                checked={all}
                onChange={(e) => onToggleAll?.(e.target.checked)}
              />
            </TableHead>
          ) : null}
          <TableHead className="w-44">Kind</TableHead>
          <TableHead className="w-[34%]">What</TableHead>
          <TableHead>Why</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {findings.map((finding) => (
          <TableRow key={finding.key} data-testid="finding-row" data-key={finding.key} data-kind={finding.kind}>
            {selected ? (
              <TableCell>
                <input
                  type="checkbox"
                  aria-label={`Select ${finding.spiffeId} (${kindLabels[finding.kind]})`}
                  checked={selected.has(finding.key)}
                  onChange={() => onToggle?.(finding.key)}
                />
              </TableCell>
            ) : null}
            <TableCell>
              <Badge tone={finding.kind === "duplicate-entry" ? "info" : "warn"}>{kindLabels[finding.kind]}</Badge>
              {finding.controllerOwned.length ? (
                <Badge tone="neutral" className="mt-1">
                  controller-owned
                </Badge>
              ) : null}
            </TableCell>
            <TableCell>
              <Target server={server} finding={finding} />
            </TableCell>
            <TableCell className="text-xs text-slate-700">
              <ul className="space-y-1">
                {[...finding.reasons, ...finding.controllerOwned].map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
