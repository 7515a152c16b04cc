import { ControllerOverviewView } from "@/components/controller-manager/controller-overview";
import { K8sNotConfigured } from "@/components/k8s/not-configured";
import { StatePanel } from "@/components/ui/state-panel";
import { ApiError } from "@/lib/api/api-error";
import { requirePage } from "@/lib/auth/guard";
import { type ControllerOverview, loadControllerOverview } from "@/lib/controller-manager/load-controller-manager";

export const metadata = { title: "Controller manager" };
export const dynamic = "force-dynamic";

type Loaded = { overview: ControllerOverview } | { notConfigured: string } | { error: string };

async function load(): Promise<Loaded> {
  try {
    return { overview: await loadControllerOverview() };
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_configured") return { notConfigured: error.message };
    if (error instanceof ApiError && error.code !== "permission_denied") return { error: error.message };
    throw error;
  }
}

export default async function ControllerManagerPage() {
  await requirePage();
  const loaded = await load();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">spire-controller-manager</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        The controller manager creates and removes SPIRE entries from these objects and reverts changes made by hand.
        Their status numbers come from its last reconciliation; the evaluation is the console&apos;s own, against the
        cluster&apos;s pods and the entries SPIRE holds now.
      </p>
      {"notConfigured" in loaded ? <K8sNotConfigured message={loaded.notConfigured} /> : null}
      {"error" in loaded ? (
        <StatePanel tone="error" title="Could not read the controller manager's objects">
          {loaded.error}
        </StatePanel>
      ) : null}
      {"overview" in loaded && !loaded.overview.installed ? (
        <StatePanel tone="empty" title="The spire.spiffe.io CRDs are not installed in this cluster">
          spire-controller-manager is not deployed here (its chart installs ClusterSPIFFEID, ClusterStaticEntry and
          ClusterFederatedTrustDomain).
        </StatePanel>
      ) : null}
      {"overview" in loaded && loaded.overview.installed ? <ControllerOverviewView overview={loaded.overview} /> : null}
    </div>
  );
}
