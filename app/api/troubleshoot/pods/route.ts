import { withApi } from "@/lib/api/with-api";
import { listPodsEverywhere } from "@/lib/troubleshoot/list-pod-choices";

export const dynamic = "force-dynamic";

// GET /api/troubleshoot/pods – every pod of every configured cluster, for the picker, and the clusters not reached
export const GET = withApi({ action: "troubleshoot.read" }, async () => listPodsEverywhere());
