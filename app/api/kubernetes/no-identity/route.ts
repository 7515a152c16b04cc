import { withApi } from "@/lib/api/with-api";
import { loadNoIdentity } from "@/lib/no-identity/load-no-identity";
import { clusterQuerySchema } from "@/lib/schemas/kubernetes";

export const dynamic = "force-dynamic";

// GET /api/kubernetes/no-identity?cluster= – per cluster, pods that mount the Workload API but match no entry and
// no ClusterSPIFFEID, with why, a prefilled fix, and those the suppression rules hide
export const GET = withApi({ action: "kubernetes.read", query: clusterQuerySchema }, ({ query }) =>
  loadNoIdentity(query),
);
