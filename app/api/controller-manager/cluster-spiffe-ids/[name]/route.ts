import { z } from "zod";

import { withApi } from "@/lib/api/with-api";
import { loadClusterSpiffeId } from "@/lib/controller-manager/load-controller-manager";
import { kubernetesNameSchema } from "@/lib/schemas/kubernetes";

// GET /api/controller-manager/cluster-spiffe-ids/[name] – one ClusterSPIFFEID: selected pods, entries, gaps
export const GET = withApi(
  { action: "kubernetes.read", params: z.object({ name: kubernetesNameSchema }) },
  async ({ params }) => loadClusterSpiffeId(params.name),
);
