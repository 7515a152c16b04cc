import { ClusterPicker } from "@/components/controller-manager/cluster-picker";
import { ControllerOverviewView } from "@/components/controller-manager/controller-overview";
import { KubernetesNotConfigured } from "@/components/kubernetes/kubernetes-not-configured";
import { StatePanel } from "@/components/ui/state-panel";
import { requirePage } from "@/lib/auth/guard";
import { loadControllerOverview } from "@/lib/controller-manager/load-controller-manager";
import { links } from "@/lib/links";
import { clusterQuerySchema } from "@/lib/schemas/kubernetes";

import { loadPagePart, PartProblem } from "../_components/page-part";

export const metadata = { title: "Controller manager" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ControllerManagerPage({ searchParams }: Props) {
  const principal = await requirePage();
  const query = clusterQuerySchema.safeParse(await searchParams);
  const ref = query.success ? query.data : {};
  const loaded = await loadPagePart(principal, "reading the controller manager's objects", () =>
    loadControllerOverview(ref),
  );
  const overview = loaded.ok ? loaded.data : null;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">spire-controller-manager</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        The controller manager creates and removes SPIRE entries from these objects and reverts changes made by hand.
        Their status numbers come from its last reconciliation; the evaluation is the console&apos;s own, against the
        cluster&apos;s pods and the entries SPIRE holds now.
      </p>
      {overview ? (
        <ClusterPicker cluster={overview.cluster} clusters={overview.clusters} href={links.controllerManager} />
      ) : null}
      {!loaded.ok && loaded.code === "not_configured" ? <KubernetesNotConfigured message={loaded.message} /> : null}
      {!loaded.ok && loaded.code !== "not_configured" ? (
        <PartProblem title="Could not read the controller manager's objects" part={loaded} />
      ) : null}
      {overview && !overview.installed ? (
        <StatePanel tone="empty" title="The spire.spiffe.io CRDs are not installed in this cluster">
          spire-controller-manager is not deployed here (its chart installs ClusterSPIFFEID, ClusterStaticEntry and
          ClusterFederatedTrustDomain).
        </StatePanel>
      ) : null}
      {overview?.installed ? <ControllerOverviewView overview={overview} /> : null}
    </div>
  );
}
