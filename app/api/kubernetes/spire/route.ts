import { withApi } from "@/lib/api/with-api";
import { getSpireReport } from "@/lib/kubernetes/load-spire-report";

export const dynamic = "force-dynamic";

// GET /api/kubernetes/spire – SPIRE's Kubernetes footprint: workloads, CSI driver, nodes, events, bundle, problems
export const GET = withApi({ action: "kubernetes.read" }, async () => getSpireReport());
