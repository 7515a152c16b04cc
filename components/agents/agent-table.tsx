"use client";

import { useInfiniteQuery } from "@tanstack/react-query";

import { IndexProgressPanel } from "@/components/entries/index-progress-panel";
import { Badge } from "@/components/ui/badge";
import { PagedFooter } from "@/components/ui/paged-footer";
import { SelectorChips } from "@/components/ui/selector-chips";
import { SortableHead, sortRows, useSort } from "@/components/ui/sortable-head";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { StatePanel } from "@/components/ui/state-panel";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeText } from "@/components/ui/time-text";
import { links } from "@/lib/links";
import { fetchIndexed, IndexBuildingError, retryIndexed, retryIndexedDelay } from "@/lib/query/fetch-indexed";
import { fetchJson } from "@/lib/query/fetch-json";
import { agentKeys } from "@/lib/query/keys";
import type { Agent, AgentFilters } from "@/lib/spire/types";

import { AgentActions } from "./agent-actions";

type AgentPage = { agents: Agent[]; nextPageToken: string };

function agentListUrl(server: string, filters: AgentFilters, pageToken: string): string {
  const params = new URLSearchParams({ pageSize: "200" });
  if (pageToken) params.set("pageToken", pageToken);
  if (filters.spiffeIdContains) params.set("spiffeIdContains", filters.spiffeIdContains);
  if (filters.attestationType) params.set("attestationType", filters.attestationType);
  if (filters.banned !== undefined) params.set("banned", String(filters.banned));
  if (filters.canReattest !== undefined) params.set("canReattest", String(filters.canReattest));
  if (filters.expiresBefore) params.set("expiresBefore", filters.expiresBefore);
  return `/api/servers/${encodeURIComponent(server)}/agents?${params.toString()}`;
}

type Column = "spiffeId" | "type" | "expires" | "state";
const sortValue: Record<Column, (a: Agent) => string | number> = {
  spiffeId: (a) => a.spiffeId,
  type: (a) => a.attestationType,
  expires: (a) => (a.x509SvidExpiresAt ? Date.parse(a.x509SvidExpiresAt) : 0),
  state: (a) => (a.banned ? 0 : 1),
};

/** The attested agents of one server under the URL's filters, paged from SPIRE, with ban/evict; columns sort what is loaded. */
export function AgentTable({ server, filters = {} }: { server: string; filters?: AgentFilters }) {
  const { sort, toggle } = useSort<Column>();
  const query = useInfiniteQuery({
    queryKey: agentKeys.list(server, filters),
    // Part of an ID (spiffeIdContains) is answered from the entry index: while it is built, say how far.
    queryFn: ({ pageParam }) =>
      filters.spiffeIdContains
        ? fetchIndexed<AgentPage>(server, agentListUrl(server, filters, pageParam))
        : fetchJson<AgentPage>(agentListUrl(server, filters, pageParam)),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextPageToken || undefined,
    refetchInterval: 15_000,
    retry: retryIndexed,
    retryDelay: retryIndexedDelay,
  });
  if (query.isPending && query.failureReason instanceof IndexBuildingError)
    return <IndexProgressPanel progress={query.failureReason.progress} />;
  if (query.isPending) return <StatePanel tone="loading" title="Loading agents…" />;
  if (query.isError)
    return (
      <StatePanel tone="error" title="Could not load agents">
        {query.error.message}
      </StatePanel>
    );
  const agents = query.data.pages.flatMap((page) => page.agents);
  if (agents.length === 0)
    return <StatePanel tone="empty" title="No agent matches (or none has attested to this server yet)." />;
  const now = query.dataUpdatedAt; // relative times are relative to when the list was read
  return (
    <Table
      caption={`Agents of ${server}`}
      layout="fixed"
      overflow="hidden"
      stack
      footer={
        <PagedFooter
          shown={agents.length}
          hasMore={query.hasNextPage}
          loading={query.isFetchingNextPage}
          onMore={() => void query.fetchNextPage()}
        />
      }
    >
      <TableHeader>
        <TableRow>
          <SortableHead column="spiffeId" label="SPIFFE ID" sort={sort} onSort={toggle} className="w-[34%] px-4" />
          <SortableHead column="type" label="Attestation" sort={sort} onSort={toggle} className="w-32 px-4" />
          <TableHead className="px-4">Selectors</TableHead>
          <SortableHead column="expires" label="SVID expires" sort={sort} onSort={toggle} className="w-36 px-4" />
          <SortableHead column="state" label="State" sort={sort} onSort={toggle} className="w-32 px-4" />
          <TableHead className="w-40 px-4">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {sortRows(agents, sort, sortValue).map((agent) => {
          const expired = agent.x509SvidExpiresAt !== null && Date.parse(agent.x509SvidExpiresAt) < now;
          return (
            <TableRow key={agent.spiffeId} data-testid="agent-row" data-spiffe-id={agent.spiffeId}>
              <TableCell className="px-4 text-xs" data-label="SPIFFE ID">
                <SpiffeId value={agent.spiffeId} href={links.agent(server, agent.spiffeId)} />
                <div className="truncate text-[11px] text-slate-600">
                  serial {agent.x509SvidSerialNumber || "–"} · {agent.agentVersion || "version unknown"}
                </div>
              </TableCell>
              <TableCell className="px-4 font-mono text-xs" data-label="Attestation">
                {agent.attestationType}
              </TableCell>
              <TableCell className="overflow-hidden px-4" data-label="Selectors">
                <SelectorChips selectors={agent.selectors} />
              </TableCell>
              <TableCell className="px-4 text-xs" data-label="SVID expires">
                {agent.x509SvidExpiresAt ? <TimeText iso={agent.x509SvidExpiresAt} now={now} /> : "–"}
              </TableCell>
              <TableCell className="space-x-1 px-4" data-label="State">
                {agent.banned ? <Badge tone="bad">banned</Badge> : null}
                {expired ? <Badge tone="bad">SVID expired</Badge> : null}
                {agent.canReattest ? <Badge tone="info">can re-attest</Badge> : null}
                {!agent.banned && !expired ? <Badge tone="good">active</Badge> : null}
              </TableCell>
              <TableCell className="px-4">
                <AgentActions server={server} agentId={agent.spiffeId} banned={agent.banned} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
