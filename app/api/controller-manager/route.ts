import { withApi } from "@/lib/api/with-api";
import { loadControllerOverview } from "@/lib/controller-manager/load-controller-manager";
import { clusterQuerySchema } from "@/lib/schemas/kubernetes";

// GET /api/controller-manager[?cluster=] – spire-controller-manager's objects in one cluster (default the first)
// with their status and what SPIRE holds for them; 404 for a cluster that is not configured
export const GET = withApi({ action: "kubernetes.read", query: clusterQuerySchema }, async ({ query }) =>
  loadControllerOverview(query),
);
