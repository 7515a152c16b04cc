import { withApi } from "@/lib/api/with-api";
import { getNodeWorkloads } from "@/lib/kubernetes/load-node-workloads";
import { nodeWorkloadsQuerySchema } from "@/lib/schemas/kubernetes";

export const dynamic = "force-dynamic";

// GET /api/kubernetes/node-workloads?cluster=&node= – the pods on one node that use the Workload API
export const GET = withApi({ action: "kubernetes.read", query: nodeWorkloadsQuerySchema }, async ({ query }) =>
  getNodeWorkloads(query),
);
