"use client";

import { useCallback, useState } from "react";

import { IndexProgressPanel } from "@/components/entries/index-progress-panel";
import { StatePanel } from "@/components/ui/state-panel";
import type { FleetFilters } from "@/lib/agents/fleet";
import { IndexBuildingError } from "@/lib/query/fetch-indexed";

import { BulkAgentBar } from "./bulk-agent-bar";
import { FleetFilterForm } from "./fleet-filter-form";
import { FleetHealth } from "./fleet-health";
import { FleetTable } from "./fleet-table";
import { useFleet } from "./use-fleet";

/** The Agents page: the fleet's health, the filters, the bulk bar and the virtualised list. */
export function FleetView({ server, filters }: { server: string; filters: FleetFilters }) {
  const query = useFleet(server, filters);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const first = query.data?.pages[0];
  const agents = query.data?.pages.flatMap((p) => p.agents) ?? [];
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  return (
    <div className="space-y-4">
      {first ? <FleetHealth server={server} summary={first.summary} filters={filters} /> : null}
      <FleetFilterForm
        key={JSON.stringify(filters)}
        server={server}
        filters={filters}
        summary={first?.summary ?? null}
      />
      {query.isPending && query.failureReason instanceof IndexBuildingError ? (
        <IndexProgressPanel progress={query.failureReason.progress} />
      ) : query.isPending ? (
        <StatePanel tone="loading" title="Loading agents…" />
      ) : null}
      {query.isError ? (
        <StatePanel tone="error" title="Could not load agents">
          {query.error.message}
        </StatePanel>
      ) : null}
      {first ? (
        <>
          <BulkAgentBar server={server} ids={[...selected]} onDone={() => setSelected(new Set())} />
          {first.total === 0 ? (
            <StatePanel tone="empty" title="No agent matches (or none has attested to this server yet)." />
          ) : (
            <FleetTable
              server={server}
              agents={agents}
              total={first.total}
              now={query.dataUpdatedAt}
              hasMore={Boolean(hasNextPage)}
              loadingMore={isFetchingNextPage}
              onMore={more}
              selected={selected}
              onToggle={toggle}
              onToggleAll={(all) => setSelected(new Set(all ? agents.map((a) => a.spiffeId) : []))}
            />
          )}
        </>
      ) : null}
    </div>
  );
}
