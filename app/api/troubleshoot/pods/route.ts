import { withApi } from "@/lib/api/with-api";
import { listPodChoices } from "@/lib/troubleshoot/list-pod-choices";

export const dynamic = "force-dynamic";

// GET /api/troubleshoot/pods – every pod of the cluster, for the picker
export const GET = withApi({ action: "troubleshoot.read" }, async () => ({ pods: await listPodChoices() }));
