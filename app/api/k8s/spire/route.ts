import { withApi } from "@/lib/api/with-api";
import { getSpireReport } from "@/lib/kubernetes/load-spire-report";

export const dynamic = "force-dynamic";

// GET /api/k8s/spire – SPIRE's Kubernetes footprint: server, agent and CSI DaemonSets, CSIDriver, nodes, PodSecurity, events, bundle, problems
export const GET = withApi(async () => getSpireReport());
