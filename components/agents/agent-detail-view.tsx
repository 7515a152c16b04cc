"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

import { NewEntryButton } from "@/components/entries/forms/new-entry-button";
import { NodeWorkloadsList } from "@/components/kubernetes/node-workloads";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SelectorChips } from "@/components/ui/selector-chips";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { StatePanel } from "@/components/ui/state-panel";
import { TimeText } from "@/components/ui/time-text";
import { agentCluster } from "@/lib/agents/agent-cluster";
import { findAgentHost } from "@/lib/agents/agent-host";
import { links } from "@/lib/links";
import { fetchAgentDetail } from "@/lib/query/api";
import { agentKeys } from "@/lib/query/keys";

import { AgentActions } from "./agent-actions";
import { AgentEntryList } from "./agent-entry-list";
import { AgentHostCell } from "./agent-host-cell";

/** One agent: its fields, actions, and the entries that target it directly and through aliases. */
export function AgentDetailView({ server, agentId }: { server: string; agentId: string }) {
  const router = useRouter();
  const query = useQuery({
    queryKey: agentKeys.detail(server, agentId),
    queryFn: () => fetchAgentDetail(server, agentId),
    refetchInterval: 15_000,
  });
  if (query.isPending) return <StatePanel tone="loading" title="Loading the agent…" />;
  if (query.isError)
    return (
      <StatePanel tone="error" title="Could not load this agent">
        {query.error.message}
      </StatePanel>
    );
  const { agent, direct, directTotal, viaAliases } = query.data;
  const host = findAgentHost(agent.selectors);
  const cluster = agentCluster(agent);
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Card>
        <CardHeader>
          <h2 className="font-semibold">Agent</h2>
          <div className="flex flex-wrap justify-end gap-2">
            <NewEntryButton
              server={server}
              prefill={{ parentId: agent.spiffeId, returnTo: links.agent(server, agent.spiffeId) }}
            />
            <AgentActions
              explain
              server={server}
              agentId={agent.spiffeId}
              banned={agent.banned}
              onDone={(action) => action === "evict" && router.push(links.agents(server))}
            />
          </div>
        </CardHeader>
        <CardBody>
          <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm sm:grid-cols-[9rem_minmax(0,1fr)]">
            <dt className="text-slate-500">SPIFFE ID</dt>
            <dd className="min-w-0 text-xs">
              <SpiffeId value={agent.spiffeId} />
            </dd>
            <dt className="text-slate-500">Attestation</dt>
            <dd className="font-mono text-xs">{agent.attestationType}</dd>
            <dt className="text-slate-500">Selectors</dt>
            <dd className="min-w-0">
              <SelectorChips selectors={agent.selectors} copy />
            </dd>
            <dt className="text-slate-500">SVID serial</dt>
            <dd className="break-all font-mono text-xs">{agent.x509SvidSerialNumber || "–"}</dd>
            <dt className="text-slate-500">SVID expires</dt>
            <dd>
              {agent.x509SvidExpiresAt ? <TimeText iso={agent.x509SvidExpiresAt} now={query.dataUpdatedAt} /> : "–"}
            </dd>
            <dt className="text-slate-500">State</dt>
            <dd className="space-x-1">
              {agent.banned ? <Badge tone="bad">banned</Badge> : <Badge tone="good">not banned</Badge>}
              {agent.canReattest ? <Badge tone="info">can re-attest</Badge> : <Badge>cannot re-attest</Badge>}
            </dd>
            <dt className="text-slate-500">Version</dt>
            <dd>{agent.agentVersion || "–"}</dd>
            <dt className="text-slate-500">{host?.kind === "host" ? "Host" : "Node"}</dt>
            <dd className="text-xs" data-testid="agent-detail-node">
              <AgentHostCell selectors={agent.selectors} cluster={cluster} />
              {cluster ? <span className="text-slate-600"> · cluster {cluster}</span> : null}
            </dd>
          </dl>
        </CardBody>
      </Card>
      {host?.kind === "node" ? (
        <Card className="xl:col-start-1" data-testid="agent-node-workloads">
          <CardHeader>
            <h2 className="font-semibold">Pods on {host.name} using the Workload API</h2>
          </CardHeader>
          <CardBody>
            <NodeWorkloadsList node={host.name} cluster={cluster ?? undefined} server={server} />
          </CardBody>
        </Card>
      ) : null}
      <div className="space-y-4">
        <Card>
          <CardHeader>
            <h2 className="font-semibold">Entries parented to this agent ({directTotal})</h2>
          </CardHeader>
          <CardBody>
            <AgentEntryList
              server={server}
              entries={direct}
              total={directTotal}
              empty="No entry names this agent as its parent."
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <h2 className="font-semibold">Through node aliases ({viaAliases.length})</h2>
          </CardHeader>
          <CardBody className="space-y-4">
            {viaAliases.length === 0 ? (
              <p className="text-sm text-slate-500">No node alias covers this agent&apos;s selectors.</p>
            ) : null}
            {viaAliases.map(({ alias, entries, total }) => (
              <section key={alias.id} data-testid="agent-alias">
                <h3 className="mb-1 flex min-w-0 items-center gap-2 text-sm">
                  <SpiffeId
                    value={alias.spiffeId}
                    href={links.entry(server, alias.id)}
                    className="text-xs font-semibold"
                  />
                  <span className="shrink-0 text-xs text-slate-500">{total} entries</span>
                </h3>
                <AgentEntryList server={server} entries={entries} total={total} empty="No entries under this alias." />
              </section>
            ))}
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
