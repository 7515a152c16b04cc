"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { PagedFooter } from "@/components/ui/paged-footer";
import { SelectorChips } from "@/components/ui/selector-chips";
import { StatePanel } from "@/components/ui/state-panel";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatAbsolute, formatRelative } from "@/lib/format/time";
import { links } from "@/lib/links";
import { fetchJson } from "@/lib/query/fetch-json";
import { agentKeys } from "@/lib/query/keys";
import type { Agent, AgentFilters } from "@/lib/spire/types";

import { AgentActions } from "./agent-actions";

type AgentPage = { agents: Agent[]; nextPageToken: string };

function agentListUrl(server: string, filters: AgentFilters, pageToken: string): string {
  const params = new URLSearchParams({ pageSize: "200" });
  if (pageToken) params.set("pageToken", pageToken);
  if (filters.attestationType) params.set("attestationType", filters.attestationType);
  if (filters.banned !== undefined) params.set("banned", String(filters.banned));
  if (filters.canReattest !== undefined) params.set("canReattest", String(filters.canReattest));
  if (filters.expiresBefore) params.set("expiresBefore", filters.expiresBefore);
  return `/api/servers/${encodeURIComponent(server)}/agents?${params.toString()}`;
}

/** The attested agents of one server under the URL's filters, paged from SPIRE, with ban/evict. */
export function AgentTable({ server, filters = {} }: { server: string; filters?: AgentFilters }) {
  const query = useInfiniteQuery({
    queryKey: agentKeys.list(server, filters),
    queryFn: ({ pageParam }) => fetchJson<AgentPage>(agentListUrl(server, filters, pageParam)),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextPageToken || undefined,
    refetchInterval: 15_000,
  });
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
          <TableHead className="w-[32%] px-4">SPIFFE ID</TableHead>
          <TableHead className="w-28 px-4">Attestation</TableHead>
          <TableHead className="px-4">Selectors</TableHead>
          <TableHead className="w-44 px-4">SVID expires</TableHead>
          <TableHead className="w-36 px-4">State</TableHead>
          <TableHead className="w-36 px-4">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {agents.map((agent) => {
          const expired = agent.x509SvidExpiresAt !== null && Date.parse(agent.x509SvidExpiresAt) < now;
          return (
            <TableRow key={agent.spiffeId} data-testid="agent-row" data-spiffe-id={agent.spiffeId}>
              <TableCell className="break-all px-4 font-mono text-xs">
                <Link href={links.agent(server, agent.spiffeId)} className="text-sky-800 hover:underline">
                  {agent.spiffeId}
                </Link>
                <div className="text-[11px] text-slate-500">
                  serial {agent.x509SvidSerialNumber || "–"} · {agent.agentVersion || "version unknown"}
                </div>
              </TableCell>
              <TableCell className="px-4 font-mono text-xs">{agent.attestationType}</TableCell>
              <TableCell className="overflow-hidden px-4 [&_li]:break-all">
                <SelectorChips selectors={agent.selectors} />
              </TableCell>
              <TableCell className="px-4 text-xs">
                {agent.x509SvidExpiresAt ? (
                  <>
                    {formatRelative(agent.x509SvidExpiresAt, now)}
                    <div className="text-[11px] text-slate-500">{formatAbsolute(agent.x509SvidExpiresAt)}</div>
                  </>
                ) : (
                  "–"
                )}
              </TableCell>
              <TableCell className="space-x-1 px-4">
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
