"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";

import { Badge } from "@/components/ui/badge";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { TimeText } from "@/components/ui/time-text";
import type { FleetAgent } from "@/lib/agents/fleet";
import { skewText } from "@/lib/agents/version-skew";
import { links } from "@/lib/links";

import { AgentClusterCell } from "./agent-cluster-cell";
import { AgentHostCell } from "./agent-host-cell";
import { AgentRowMenu } from "./agent-row-menu";
import { skewTone } from "./fleet-health";
import { SelectorSummary } from "./selector-summary";

const COLUMNS = [
  "SPIFFE ID",
  "Node / host",
  "Version",
  "Attestation",
  "Cluster",
  "Selectors",
  "SVID expires",
  "State",
  "Entries",
];

type Props = {
  server: string;
  agents: FleetAgent[];
  total: number;
  now: number;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (all: boolean) => void;
};

const columns = ["w-10", "w-[18%]", "w-28", "w-24", "w-24", "w-20", "", "w-32", "w-24", "w-16", "w-24"];

function State({ agent }: { agent: FleetAgent }) {
  return (
    <span className="flex flex-wrap gap-1">
      {agent.banned ? <Badge tone="bad">banned</Badge> : null}
      {agent.expiry === "expired" ? <Badge tone="bad">SVID expired</Badge> : null}
      {!agent.canReattest ? <Badge tone="warn">no re-attest</Badge> : null}
      {!agent.banned && agent.expiry !== "expired" ? <Badge tone="good">active</Badge> : null}
    </span>
  );
}

function Row({
  server,
  agent,
  now,
  selected,
  onToggle,
}: {
  server: string;
  agent: FleetAgent;
  now: number;
  selected: boolean;
  onToggle: () => void;
}) {
  return (
    <>
      <td className="px-3 py-2 card-corner">
        <input type="checkbox" aria-label={`Select ${agent.spiffeId}`} checked={selected} onChange={onToggle} />
      </td>
      <td className="min-w-0 px-3 py-2" data-label="SPIFFE ID">
        <SpiffeId value={agent.spiffeId} href={links.agent(server, agent.spiffeId)} className="text-xs" />
        <div className="truncate text-[11px] text-slate-600">serial {agent.x509SvidSerialNumber || "–"}</div>
      </td>
      <td className="min-w-0 px-3 py-2 text-xs" data-label="Node / host">
        <AgentHostCell selectors={agent.selectors} cluster={agent.cluster} />
      </td>
      <td className="px-3 py-2" data-label="Version">
        <Badge tone={skewTone[agent.skew]} title={skewText[agent.skew]} data-testid="agent-version">
          {agent.agentVersion || "unknown"}
        </Badge>
      </td>
      <td className="truncate px-3 py-2 font-mono text-xs" data-label="Attestation">
        {agent.attestationType}
      </td>
      <td className="truncate px-3 py-2" data-label="Cluster">
        <AgentClusterCell cluster={agent.cluster} />
      </td>
      <td className="min-w-0 px-3 py-2" data-label="Selectors">
        <SelectorSummary selectors={agent.selectors} label={agent.spiffeId} />
      </td>
      <td className="px-3 py-2 text-xs" data-label="SVID expires">
        {agent.x509SvidExpiresAt ? <TimeText iso={agent.x509SvidExpiresAt} now={now} /> : "–"}
      </td>
      <td className="px-3 py-2" data-label="State">
        <State agent={agent} />
      </td>
      <td className="px-3 py-2 text-xs tabular-nums" data-testid="agent-entries-count" data-label="Entries">
        <span title={`${agent.entriesCount} entries parented to it, ${agent.aliasCount} node alias(es) cover it`}>
          {agent.entriesCount}
          <span className="sr-only"> entries</span>
        </span>
        {agent.aliasCount ? <span className="text-slate-600"> +{agent.aliasCount}</span> : null}
      </td>
      <td className="px-3 py-2 card-corner">
        <AgentRowMenu server={server} agentId={agent.spiffeId} banned={agent.banned} />
      </td>
    </>
  );
}

/**
 * The agents under the filters, virtualised (only the visible rows are in the DOM) and fetched 200
 * at a time from the server as the list scrolls; one line per agent, selectors collapsed.
 */
export function FleetTable(props: Props) {
  const { server, agents, total, now, hasMore, loadingMore, onMore, selected } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual: left unmemoized on purpose
  const virtualizer = useVirtualizer({
    count: agents.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 52,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && last >= agents.length - 20) onMore();
  }, [hasMore, loadingMore, last, agents.length, onMore]);
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const all = agents.length > 0 && agents.every((a) => selected.has(a.spiffeId));
  return (
    <div
      ref={scrollRef}
      className="relative max-h-[36rem] overflow-auto rounded-lg border border-slate-200 bg-white"
      tabIndex={0}
      role="region"
      aria-label={`Agents of ${server}`}
    >
      <table
        className="table-cards w-full table-fixed text-left text-sm"
        aria-rowcount={total + 1}
        data-testid="fleet-table"
      >
        <caption className="sr-only">
          Agents of {server}: {total} match the filters
        </caption>
        <colgroup>
          {columns.map((c, i) => (
            <col key={i} className={c} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-slate-50 text-xs uppercase text-slate-600">
          <tr aria-rowindex={1}>
            <th scope="col" className="px-3 py-2">
              <input
                type="checkbox"
                aria-label="Select every loaded agent"
                checked={all}
                onChange={(e) => props.onToggleAll(e.target.checked)}
              />
            </th>
            {COLUMNS.map((title) => (
              <th key={title} scope="col" className="px-3 py-2">
                {title}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
          {items.map((item) => {
            const agent = agents[item.index]!;
            return (
              <tr
                key={agent.spiffeId}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                className="align-top"
                data-testid="agent-row"
                data-spiffe-id={agent.spiffeId}
              >
                <Row
                  server={server}
                  agent={agent}
                  now={now}
                  selected={selected.has(agent.spiffeId)}
                  onToggle={() => props.onToggle(agent.spiffeId)}
                />
              </tr>
            );
          })}
          {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
        </tbody>
      </table>
      <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-600" role="status">
        {agents.length} of {total} shown{loadingMore ? " · loading more…" : hasMore ? " · scroll for more" : ""}
      </p>
    </div>
  );
}
