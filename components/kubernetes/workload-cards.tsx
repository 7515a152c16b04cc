import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Coverage, DaemonSetSummary, StatefulSetSummary } from "@/lib/kubernetes/workloads";

import { HealthBadge } from "./health-badge";

function Numbers({ items }: { items: [string, string | number][] }) {
  return (
    <dl className="grid grid-cols-3 gap-x-4 gap-y-1 text-sm">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className="font-medium tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The spire-server StatefulSet: ready replicas, revisions and restarts. */
export function ServerCard({ server, serverName }: { server: StatefulSetSummary; serverName?: string | null }) {
  if (server.outside) {
    return (
      <Card data-testid="k8s-server-card">
        <CardHeader>
          <h3 className="font-medium">spire-server</h3>
        </CardHeader>
        <CardBody>
          <p className="text-sm text-slate-600">
            Runs outside this cluster{serverName ? ` (SPIRE server ${serverName})` : ""}: its agents here attest to it
            over the network. Set by <code className="font-mono">serverInCluster: false</code>.
          </p>
        </CardBody>
      </Card>
    );
  }
  return (
    <Card data-testid="k8s-server-card">
      <CardHeader>
        <h3 className="font-medium">
          spire-server{" "}
          <span className="text-xs text-slate-500">
            StatefulSet {server.namespace}/{server.name}
          </span>
        </h3>
        <HealthBadge healthy={server.healthy} bad={server.found ? "Unhealthy" : "Missing"} />
      </CardHeader>
      <CardBody>
        <Numbers
          items={[
            ["Ready", `${server.readyReplicas}/${server.replicas}`],
            ["Restarts", server.restarts],
            ["Rollout", server.rolloutPending ? "in progress" : "complete"],
            ["Current revision", server.currentRevision ?? "—"],
            ["Update revision", server.updateRevision ?? "—"],
          ]}
        />
      </CardBody>
    </Card>
  );
}

/** A DaemonSet's numbers: desired, current, ready, available, updated, misscheduled. */
export function DaemonSetCard({ title, ds }: { title: string; ds: DaemonSetSummary }) {
  const n = ds.numbers;
  return (
    <Card data-testid={`k8s-ds-${ds.namespace}-${ds.name}`}>
      <CardHeader>
        <h3 className="font-medium">
          {title}{" "}
          <span className="text-xs text-slate-500">
            DaemonSet {ds.namespace}/{ds.name}
          </span>
        </h3>
        <HealthBadge healthy={ds.healthy} bad={ds.found ? "Degraded" : "Missing"} />
      </CardHeader>
      <CardBody>
        {n ? (
          <Numbers
            items={[
              ["Desired", n.desired],
              ["Current", n.current],
              ["Ready", n.ready],
              ["Available", n.available],
              ["Updated", n.updated],
              ["Misscheduled", n.misscheduled],
            ]}
          />
        ) : (
          <p className="text-sm text-slate-600">Not found in namespace {ds.namespace}.</p>
        )}
      </CardBody>
    </Card>
  );
}

/** Whether the agent and CSI driver pods cover the same nodes. */
export function CoverageNote({ coverage }: { coverage: Coverage }) {
  if (coverage.sameNodes) {
    return (
      <p className="text-sm text-slate-600" data-testid="k8s-coverage">
        spire-agent and spiffe-csi-driver run on the same nodes.
      </p>
    );
  }
  return (
    <p className="text-sm text-red-800" data-testid="k8s-coverage">
      The DaemonSets cover different nodes
      {coverage.csiOnly.length ? ` — CSI driver without agent: ${coverage.csiOnly.join(", ")}` : ""}
      {coverage.agentOnly.length ? ` — agent without CSI driver: ${coverage.agentOnly.join(", ")}` : ""}.
    </p>
  );
}
