import { KubernetesNotConfigured } from "@/components/kubernetes/kubernetes-not-configured";
import { ClusterSection } from "@/components/kubernetes/no-identity/cluster-section";
import { SuppressionForm } from "@/components/kubernetes/no-identity/suppression-form";
import { SuppressionRules } from "@/components/kubernetes/no-identity/suppression-rules";
import { RefreshButton } from "@/components/kubernetes/refresh-button";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { allows, requirePage } from "@/lib/auth/guard";
import { links } from "@/lib/links";
import { loadNoIdentity } from "@/lib/no-identity/load-no-identity";
import { clusterQuerySchema } from "@/lib/schemas/kubernetes";

import { loadPagePart, PartProblem } from "../../_components/page-part";
import { Section } from "../_components/section";

export const metadata = { title: "Workloads with no identity" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NoIdentityPage({ searchParams }: Props) {
  const principal = await requirePage();
  const query = clusterQuerySchema.safeParse(await searchParams);
  const ref = query.success ? query.data : {};
  const loaded = await loadPagePart(principal, "reading the clusters", () => loadNoIdentity(ref));
  const canChange = await allows("kubernetes.suppress");
  const clusters = loaded.ok ? loaded.data.clusters : [];
  const readable = clusters.filter((c) => c.status === "ok").map((c) => c.cluster);
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[{ label: "Kubernetes", href: links.kubernetes() }, { label: "Workloads with no identity" }]}
      />
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-xl font-semibold">Workloads with no identity</h1>
        {loaded.ok ? <RefreshButton /> : null}
      </div>
      <p className="max-w-3xl text-sm text-slate-600">
        Pods that mount the SPIFFE CSI driver&apos;s volume or a SPIRE agent&apos;s socket directory, so they expect an
        SVID, but that no registration entry matches under the agent of their node and no ClusterSPIFFEID selects. Each
        says why: no entry at all, an entry with its selectors under another agent, or an entry a few selectors off.
      </p>
      {!loaded.ok && loaded.code === "not_configured" ? <KubernetesNotConfigured message={loaded.message} /> : null}
      {!loaded.ok && loaded.code !== "not_configured" ? (
        <PartProblem title="Could not read the clusters" part={loaded} />
      ) : null}
      {loaded.ok && clusters.length === 0 ? (
        <KubernetesNotConfigured message="No Kubernetes cluster is configured (kubernetes.clusters)." />
      ) : null}
      {clusters.map((c) => (
        <ClusterSection key={c.cluster} data={c} rules={loaded.ok ? loaded.data.suppressions : []} />
      ))}
      {loaded.ok ? (
        <Section title={`Suppression rules (${loaded.data.suppressions.length})`} id="no-identity-rules">
          <p className="text-sm text-slate-600">
            A rule hides one cluster&apos;s pods of a namespace, or with a label, that need no identity. Rules are
            stored by the console and every change is in the audit log.
            {canChange ? "" : " Operators and admins add and delete them."}
          </p>
          <SuppressionRules rules={loaded.data.suppressions} clusters={clusters} canChange={canChange} />
          {canChange && readable.length > 0 ? (
            <SuppressionForm clusters={readable} defaultCluster={readable[0]!} />
          ) : null}
        </Section>
      ) : null}
    </div>
  );
}
