"use client";

import { useInfiniteQuery } from "@tanstack/react-query";

import { Badge } from "@/components/ui/badge";
import { PagedFooter } from "@/components/ui/paged-footer";
import { SelectorChips } from "@/components/ui/selector-chips";
import { StatePanel } from "@/components/ui/state-panel";
import { fetchJson } from "@/lib/query/fetch-json";
import { agentKeys } from "@/lib/query/keys";
import { formatAbsolute, formatRelative } from "@/lib/format/time";
import type { Agent } from "@/lib/spire/types";

type AgentPage = { agents: Agent[]; nextPageToken: string };

/** The attested agents of one server, paged from SPIRE. */
export function AgentTable({ server }: { server: string }) {
  const query = useInfiniteQuery({
    queryKey: agentKeys.list(server, {}),
    queryFn: ({ pageParam }) =>
      fetchJson<AgentPage>(`/api/servers/${encodeURIComponent(server)}/agents?pageSize=200${pageParam ? `&pageToken=${encodeURIComponent(pageParam)}` : ""}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextPageToken || undefined,
    refetchInterval: 30_000,
  });
  if (query.isPending) return <StatePanel tone="loading" title="Loading agents…" />;
  if (query.isError) return <StatePanel tone="error" title="Could not load agents">{query.error.message}</StatePanel>;
  const agents = query.data.pages.flatMap((page) => page.agents);
  if (agents.length === 0) return <StatePanel tone="empty" title="No agent has attested to this server yet." />;
  const now = Date.now();
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <table className="w-full table-fixed text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="w-[34%] px-4 py-2">SPIFFE ID</th>
            <th className="w-28 px-4 py-2">Attestation</th>
            <th className="px-4 py-2">Selectors</th>
            <th className="w-40 px-4 py-2">SVID expires</th>
            <th className="w-32 px-4 py-2">State</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {agents.map((agent) => {
            const expired = agent.x509SvidExpiresAt !== null && Date.parse(agent.x509SvidExpiresAt) < now;
            return (
              <tr key={agent.spiffeId} data-testid="agent-row" className="align-top">
                <td className="break-all px-4 py-2 font-mono text-xs">
                  {agent.spiffeId}
                  <div className="text-[11px] text-slate-400">
                    serial {agent.x509SvidSerialNumber || "–"} · {agent.agentVersion || "version unknown"}
                  </div>
                </td>
                <td className="px-4 py-2 font-mono text-xs">{agent.attestationType}</td>
                <td className="px-4 py-2">
                  <SelectorChips selectors={agent.selectors} />
                </td>
                <td className="px-4 py-2 text-xs" title={agent.x509SvidExpiresAt ? formatAbsolute(agent.x509SvidExpiresAt) : undefined}>
                  {agent.x509SvidExpiresAt ? formatRelative(agent.x509SvidExpiresAt, now) : "–"}
                </td>
                <td className="space-x-1 px-4 py-2">
                  {agent.banned ? <Badge tone="bad">banned</Badge> : null}
                  {expired ? <Badge tone="bad">SVID expired</Badge> : null}
                  {agent.canReattest ? <Badge tone="info">can re-attest</Badge> : null}
                  {!agent.banned && !expired ? <Badge tone="good">active</Badge> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <PagedFooter shown={agents.length} hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onMore={() => query.fetchNextPage()} />
    </div>
  );
}
