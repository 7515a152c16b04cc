import { z } from "zod";

import { withApi } from "@/lib/api/with-api";
import { loadClusterSpiffeId } from "@/lib/controller-manager/load-controller-manager";
import { clusterQuerySchema, kubernetesNameSchema } from "@/lib/schemas/kubernetes";

// GET /api/controller-manager/cluster-spiffe-ids/[name][?cluster=] – one ClusterSPIFFEID of one cluster (default the
// first): selected pods, entries, gaps; 404 for a cluster that is not configured
export const GET = withApi(
  { action: "kubernetes.read", params: z.object({ name: kubernetesNameSchema }), query: clusterQuerySchema },
  async ({ params, query }) => loadClusterSpiffeId(params.name, query),
);
