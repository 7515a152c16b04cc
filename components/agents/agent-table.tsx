"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { PagedFooter } from "@/components/ui/paged-footer";
import { SelectorChips } from "@/components/ui/selector-chips";
import { StatePanel } from "@/components/ui/state-panel";
import { formatAbsolute, formatRelative } from "@/lib/format/time";
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
  const now = Date.now();
  const q = `?server=${encodeURIComponent(server)}`;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <table className="w-full table-fixed text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="w-[32%] px-4 py-2">SPIFFE ID</th>
            <th className="w-28 px-4 py-2">Attestation</th>
            <th className="px-4 py-2">Selectors</th>
            <th className="w-44 px-4 py-2">SVID expires</th>
            <th className="w-36 px-4 py-2">State</th>
            <th className="w-36 px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {agents.map((agent) => {
            const expired = agent.x509SvidExpiresAt !== null && Date.parse(agent.x509SvidExpiresAt) < now;
            return (
              <tr key={agent.spiffeId} data-testid="agent-row" data-spiffe-id={agent.spiffeId} className="align-top">
                <td className="break-all px-4 py-2 font-mono text-xs">
                  <Link
                    href={`/agents/${encodeURIComponent(agent.spiffeId)}${q}`}
                    className="text-sky-800 hover:underline"
                  >
                    {agent.spiffeId}
                  </Link>
                  <div className="text-[11px] text-slate-400">
                    serial {agent.x509SvidSerialNumber || "–"} · {agent.agentVersion || "version unknown"}
                  </div>
                </td>
                <td className="px-4 py-2 font-mono text-xs">{agent.attestationType}</td>
                <td className="overflow-hidden px-4 py-2 [&_li]:break-all">
                  <SelectorChips selectors={agent.selectors} />
                </td>
                <td className="px-4 py-2 text-xs">
                  {agent.x509SvidExpiresAt ? (
                    <>
                      {formatRelative(agent.x509SvidExpiresAt, now)}
                      <div className="text-[11px] text-slate-400">{formatAbsolute(agent.x509SvidExpiresAt)}</div>
                    </>
                  ) : (
                    "–"
                  )}
                </td>
                <td className="space-x-1 px-4 py-2">
                  {agent.banned ? <Badge tone="bad">banned</Badge> : null}
                  {expired ? <Badge tone="bad">SVID expired</Badge> : null}
                  {agent.canReattest ? <Badge tone="info">can re-attest</Badge> : null}
                  {!agent.banned && !expired ? <Badge tone="good">active</Badge> : null}
                </td>
                <td className="px-4 py-2">
                  <AgentActions server={server} agentId={agent.spiffeId} banned={agent.banned} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <PagedFooter
        shown={agents.length}
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onMore={() => query.fetchNextPage()}
      />
    </div>
  );
}
