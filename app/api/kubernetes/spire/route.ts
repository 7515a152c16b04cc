import { withApi } from "@/lib/api/with-api";
import { getSpireReport } from "@/lib/kubernetes/load-spire-report";
import { deploymentQuerySchema } from "@/lib/schemas/kubernetes";

export const dynamic = "force-dynamic";

// GET /api/kubernetes/spire?cluster=&deployment= – one SPIRE deployment's Kubernetes footprint: workloads, CSI
// driver, nodes, events, bundle, problems (default: the first configured deployment)
export const GET = withApi({ action: "kubernetes.read", query: deploymentQuerySchema }, async ({ query }) =>
  getSpireReport(Date.now(), query),
);
