import { withApi } from "@/lib/api/with-api";
import { getNodeMatrix } from "@/lib/kubernetes/load-spire-report";

export const dynamic = "force-dynamic";

// GET /api/kubernetes/nodes – per node: agent and CSI pods, csi.spiffe.io registration, the agent attested from it
export const GET = withApi({ action: "kubernetes.read" }, async () => getNodeMatrix());
