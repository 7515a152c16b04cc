import Link from "next/link";

import { BundleCard } from "@/components/kubernetes/bundle-card";
import { CsiDriverCard } from "@/components/kubernetes/csi-driver-card";
import { DeploymentList } from "@/components/kubernetes/deployment-list";
import { EventsTable } from "@/components/kubernetes/events-table";
import { KubernetesNotConfigured } from "@/components/kubernetes/kubernetes-not-configured";
import { NodeMatrixTable } from "@/components/kubernetes/node-matrix-table";
import { PodSecurityTable } from "@/components/kubernetes/pod-security-table";
import { ProblemList } from "@/components/kubernetes/problem-list";
import { RefreshButton } from "@/components/kubernetes/refresh-button";
import { SocketChecks } from "@/components/kubernetes/socket-checks";
import { CoverageNote, DaemonSetCard, ServerCard } from "@/components/kubernetes/workload-cards";
import { secondaryLinkClass } from "@/components/ui/button";
import { StatePanel } from "@/components/ui/state-panel";
import { requirePage } from "@/lib/auth/guard";
import type { KubernetesSpireReport } from "@/lib/kubernetes/build-report";
import { loadDeploymentReports } from "@/lib/kubernetes/load-deployments";
import { getDeploymentReport } from "@/lib/kubernetes/load-spire-report";
import { links } from "@/lib/links";
import { deploymentQuerySchema } from "@/lib/schemas/kubernetes";

import { loadPagePart, type PagePart, PartProblem } from "../_components/page-part";
import { Section } from "./_components/section";

export const metadata = { title: "Kubernetes" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function KubernetesPage({ searchParams }: Props) {
  const principal = await requirePage();
  const query = deploymentQuerySchema.safeParse(await searchParams);
  const ref = query.success ? query.data : {};
  const list = await loadPagePart(principal, "reading the clusters", () => loadDeploymentReports());
  const rows = list.ok ? list.data.deployments : [];
  const row =
    rows.find(
      (d) => (!ref.cluster || d.cluster === ref.cluster) && (!ref.deployment || d.deployment === ref.deployment),
    ) ?? null;
  const report = row ? list.ok && list.data.reports.get(`${row.cluster}/${row.deployment}`) : undefined;
  // Read again only to say why there is nothing (not configured, unknown cluster); a failed row says it itself.
  const loaded: PagePart<KubernetesSpireReport> = report
    ? { ok: true, data: report, readAt: 0 }
    : row?.message
      ? { ok: false, code: "unavailable", message: row.message }
      : await loadPagePart(principal, "reading the cluster", () => getDeploymentReport(ref));
  const selected = row ? { cluster: row.cluster, deployment: row.deployment } : null;
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-xl font-semibold">Kubernetes</h1>
        <div className="flex items-center gap-2">
          <Link href={links.noIdentity()} className={secondaryLinkClass}>
            Workloads with no identity
          </Link>
          {loaded.ok ? <RefreshButton /> : null}
        </div>
      </div>
      {rows.length > 1 ? (
        <Section title={`Deployments (${rows.length})`} id="k8s-deployments">
          <DeploymentList deployments={rows} selected={selected} />
        </Section>
      ) : null}
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
        {report.cluster.deployment ? (
          <>
            Deployment <span className="font-medium">{report.cluster.deployment}</span> in namespace{" "}
            <span className="font-mono">{report.names.namespace}</span> of{" "}
          </>
        ) : null}
        Cluster <span className="font-medium">{report.cluster.configName ?? report.cluster.name}</span> at{" "}
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
          <ServerCard server={report.server} serverName={report.spire.serverName} />
          <DaemonSetCard title="spire-agent" ds={report.agents} />
          <DaemonSetCard title="spiffe-csi-driver" ds={report.csi} />
        </div>
        <CoverageNote coverage={report.coverage} />
      </Section>
      <Section title="Nodes" id="k8s-nodes">
        <NodeMatrixTable
          matrix={report.matrix}
          csiDriver={report.names.csiDriver}
          now={now}
          server={report.spire.serverName}
          cluster={report.cluster.configName}
        />
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
