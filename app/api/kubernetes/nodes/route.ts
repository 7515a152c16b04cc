import { withApi } from "@/lib/api/with-api";
import { getNodeMatrix } from "@/lib/kubernetes/load-spire-report";
import { deploymentQuerySchema } from "@/lib/schemas/kubernetes";

export const dynamic = "force-dynamic";

// GET /api/kubernetes/nodes?cluster=&deployment= – per node of one deployment: agent and CSI pods, csi.spiffe.io
// registration, the agent attested from it
export const GET = withApi({ action: "kubernetes.read", query: deploymentQuerySchema }, async ({ query }) =>
  getNodeMatrix(query),
);
