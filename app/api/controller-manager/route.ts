import { withApi } from "@/lib/api/with-api";
import { loadControllerOverview } from "@/lib/controller-manager/load-controller-manager";

// GET /api/controller-manager – spire-controller-manager's objects with their status and what SPIRE holds for them
export const GET = withApi({ action: "kubernetes.read" }, async () => loadControllerOverview());
