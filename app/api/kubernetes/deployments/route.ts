import { withApi } from "@/lib/api/with-api";
import { getDeployments } from "@/lib/kubernetes/load-deployments";

export const dynamic = "force-dynamic";

// GET /api/kubernetes/deployments – every SPIRE deployment in every configured cluster with its health; an
// unreachable cluster marks only its own deployments
export const GET = withApi({ action: "kubernetes.read" }, async () => getDeployments());
