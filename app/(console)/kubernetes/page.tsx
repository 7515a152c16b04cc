import { BundleCard } from "@/components/kubernetes/bundle-card";
import { CsiDriverCard } from "@/components/kubernetes/csi-driver-card";
import { EventsTable } from "@/components/kubernetes/events-table";
import { KubernetesNotConfigured } from "@/components/kubernetes/kubernetes-not-configured";
import { NodeMatrixTable } from "@/components/kubernetes/node-matrix-table";
import { PodSecurityTable } from "@/components/kubernetes/pod-security-table";
import { ProblemList } from "@/components/kubernetes/problem-list";
import { RefreshButton } from "@/components/kubernetes/refresh-button";
import { SocketChecks } from "@/components/kubernetes/socket-checks";
import { CoverageNote, DaemonSetCard, ServerCard } from "@/components/kubernetes/workload-cards";
import { StatePanel } from "@/components/ui/state-panel";
import { requirePage } from "@/lib/auth/guard";
import type { KubernetesSpireReport } from "@/lib/kubernetes/build-report";
import { getSpireReport } from "@/lib/kubernetes/load-spire-report";

import { loadPagePart, PartProblem } from "../_components/page-part";
import { Section } from "./_components/section";

export const metadata = { title: "Kubernetes" };
export const dynamic = "force-dynamic";

export default async function KubernetesPage() {
  const principal = await requirePage();
  const loaded = await loadPagePart(principal, "reading the cluster", getSpireReport);
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-xl font-semibold">Kubernetes</h1>
        {loaded.ok ? <RefreshButton /> : null}
      </div>
      {!loaded.ok && loaded.code === "not_configured" ? <KubernetesNotConfigured message={loaded.message} /> : null}
      {!loaded.ok && loaded.code !== "not_configured" ? (
        <PartProblem title="Could not read the cluster" part={loaded} />
      ) : null}
      {loaded.ok ? <Report report={loaded.data} /> : null}
    </div>
  );
}

function Report({ report }: { report: KubernetesSpireReport }) {
  const now = Date.parse(report.generatedAt);
  return (
    <>
      <p className="text-sm break-words text-slate-600">
        Cluster <span className="font-medium">{report.cluster.name}</span> at{" "}
        <span className="font-mono break-all">{report.cluster.server}</span>, via {report.cluster.source}. Its agents
        attest to SPIRE server <span className="font-medium">{report.spire.serverName ?? "—"}</span> (set by{" "}
        <code className="font-mono">kubernetes.spireServer</code>; this page does not follow the server switcher).
      </p>
      {report.spire.agentsError ? (
        <StatePanel tone="error" title="Could not list the SPIRE agents">
          {report.spire.agentsError}
        </StatePanel>
      ) : null}
      <Section title={`Problems (${report.problems.length})`} id="k8s-problems">
        <ProblemList problems={report.problems} />
      </Section>
      <Section title="SPIRE components" id="k8s-components">
        <div className="grid gap-4 lg:grid-cols-3">
          <ServerCard server={report.server} />
          <DaemonSetCard title="spire-agent" ds={report.agents} />
          <DaemonSetCard title="spiffe-csi-driver" ds={report.csi} />
        </div>
        <CoverageNote coverage={report.coverage} />
      </Section>
      <Section title="Nodes" id="k8s-nodes">
        <NodeMatrixTable matrix={report.matrix} csiDriver={report.names.csiDriver} now={now} />
      </Section>
      <div className="grid gap-4 lg:grid-cols-2">
        <CsiDriverCard driver={report.csiDriver} />
        <BundleCard
          bundle={report.bundle}
          serverName={report.spire.serverName}
          serverError={report.spire.bundleError}
          now={now}
        />
      </div>
      <Section title="Agent socket directory" id="k8s-sockets">
        <SocketChecks installations={report.installations} />
      </Section>
      <Section title="PodSecurity" id="k8s-podsecurity">
        <PodSecurityTable checks={report.podSecurity} />
      </Section>
      <Section title={`FailedMount events naming ${report.names.csiDriver}`} id="k8s-failedmounts">
        <EventsTable
          events={report.events.failedMounts}
          empty="None."
          now={now}
          testId="k8s-failedmount-row"
          caption="FailedMount events"
        />
      </Section>
      <Section title={`Recent warning events in ${report.names.namespace}`} id="k8s-warnings">
        <EventsTable
          events={report.events.warnings}
          empty="No warning events in the last 24 hours."
          now={now}
          testId="k8s-warning-row"
          caption="Recent warning events"
        />
      </Section>
    </>
  );
}
