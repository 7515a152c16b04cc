import Link from "next/link";
import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import type { FleetFilters, FleetSummary } from "@/lib/agents/fleet";
import { skewText, type VersionSkew } from "@/lib/agents/version-skew";
import { expiringCountsOnly, expiringWithin } from "@/lib/expiry/expiring-words";
import { links, type Query } from "@/lib/links";

export const skewTone: Record<VersionSkew, "good" | "info" | "bad" | "neutral"> = {
  current: "good",
  "one-minor-behind": "info",
  "too-old": "bad",
  "newer-than-server": "bad",
  unknown: "neutral",
};

function Panel({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3" aria-label={title}>
      <h2 className="mb-2 text-xs font-semibold uppercase text-slate-600">{title}</h2>
      <ul className="space-y-1 text-sm">{children}</ul>
      {note ? <p className="mt-2 text-xs text-slate-500">{note}</p> : null}
    </section>
  );
}

/** One count that filters the list to what it counts (and back, when that filter is on). */
function Count({
  server,
  filters,
  set,
  count,
  children,
}: {
  server: string;
  filters: FleetFilters;
  set: FleetFilters;
  count: number;
  children: ReactNode;
}) {
  const active = Object.entries(set).every(([k, v]) => filters[k as keyof FleetFilters] === v);
  const next: Record<string, unknown> = { ...filters };
  for (const [key, value] of Object.entries(set)) next[key] = active ? undefined : value;
  const query: Query = Object.fromEntries(
    Object.entries(next).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]])),
  );
  return (
    <li className="flex items-center justify-between gap-2">
      <Link
        href={links.agents(server, query)}
        aria-current={active ? "true" : undefined}
        className={active ? "font-semibold text-sky-900 underline" : "text-sky-800 hover:underline"}
      >
        {children}
      </Link>
      <span className="tabular-nums" data-testid="fleet-count">
        {count}
      </span>
    </li>
  );
}

/** The fleet's health: versions and their skew against the server, attestation types, expiring SVIDs, risks. */
export function FleetHealth({
  server,
  summary,
  filters,
}: {
  server: string;
  summary: FleetSummary;
  filters: FleetFilters;
}) {
  const within = expiringWithin(summary.windows);
  return (
    <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4" data-testid="fleet-health">
      <Panel title={`Versions (server ${summary.serverVersion ?? "unknown"})`}>
        {summary.versions.map((v) => (
          <Count key={v.version} server={server} filters={filters} set={{ version: v.version }} count={v.count}>
            <span data-testid="fleet-version" data-version={v.version} className="inline-flex items-center gap-1">
              {v.version || "unknown"}
              <Badge tone={skewTone[v.skew]} title={skewText[v.skew]}>
                {v.skew === "current" ? "current" : v.skew.replace(/-/g, " ")}
              </Badge>
            </span>
          </Count>
        ))}
      </Panel>
      <Panel title="Attestation types">
        {summary.attestationTypes.map((t) => (
          <Count key={t.type} server={server} filters={filters} set={{ attestationType: t.type }} count={t.count}>
            <span data-testid="fleet-attestation" data-type={t.type} className="font-mono text-xs">
              {t.type}
            </span>
          </Count>
        ))}
      </Panel>
      {summary.clusters.length > 0 ? (
        <Panel title="Kubernetes clusters">
          {summary.clusters.map((c) => (
            <Count key={c.cluster} server={server} filters={filters} set={{ cluster: c.cluster }} count={c.count}>
              <span data-testid="fleet-cluster" data-cluster={c.cluster} className="font-mono text-xs">
                {c.cluster}
              </span>
            </Count>
          ))}
        </Panel>
      ) : null}
      <Panel title="SVID expiry" note={expiringCountsOnly}>
        <Count server={server} filters={filters} set={{ expiring: "24h" }} count={summary.expiring.within24h}>
          Expiring {within.critical}
        </Count>
        <Count server={server} filters={filters} set={{ expiring: "7d" }} count={summary.expiring.within7d}>
          Expiring {within.warning}
        </Count>
        <Count server={server} filters={filters} set={{ expiring: "expired" }} count={summary.expiring.expired}>
          Expired
        </Count>
      </Panel>
      <Panel title={`Risks (of ${summary.total} agents)`}>
        <Count server={server} filters={filters} set={{ canReattest: false }} count={summary.cannotReattest}>
          Cannot re-attest
        </Count>
        <Count server={server} filters={filters} set={{ banned: true }} count={summary.banned}>
          Banned
        </Count>
      </Panel>
    </div>
  );
}
