"use client";

import Link from "next/link";

import { StatePanel } from "@/components/ui/state-panel";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { links } from "@/lib/links";

import { usePlanHistory } from "./use-entries-as-code";

/** The plans applied on a server, each linked to its records in the audit log. */
export function PlanHistory({ server }: { server: string }) {
  const history = usePlanHistory(server);
  if (history.isPending) return <StatePanel tone="loading" title="Reading the applied plans…" />;
  if (history.isError)
    return (
      <StatePanel tone="error" title="Could not read the applied plans">
        {history.error.message}
      </StatePanel>
    );
  if (history.data.plans.length === 0)
    return <p className="text-sm text-slate-700">No plan applied on {server} yet.</p>;
  return (
    <Table caption={`Plans applied on ${server}`} stack>
      <TableHeader>
        <TableRow>
          <TableHead>Applied</TableHead>
          <TableHead>Plan</TableHead>
          <TableHead>Changes</TableHead>
          <TableHead>Source</TableHead>
          <TableHead>Status</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {history.data.plans.map((plan) => (
          <TableRow key={plan.id}>
            <TableCell data-label="Applied">
              {plan.appliedAt ? new Date(plan.appliedAt).toLocaleString() : "—"}
            </TableCell>
            <TableCell data-label="Plan" className="font-mono text-xs">
              <Link className="text-sky-800 underline" href={links.audit({ target: plan.id })}>
                {plan.id}
              </Link>
            </TableCell>
            <TableCell data-label="Changes">{plan.summaryLine}</TableCell>
            <TableCell data-label="Source">
              {[plan.source?.name, plan.source?.revision, plan.createdBy].filter(Boolean).join(" · ") || "—"}
            </TableCell>
            <TableCell data-label="Status">
              {plan.inverseOf ? `${plan.status} (undoes ${plan.inverseOf})` : plan.status}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
