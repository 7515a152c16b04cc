import { expireAlertSilence } from "@/lib/alerts/manage-silences";
import { withApi } from "@/lib/api/with-api";
import { alertIdParams } from "@/lib/schemas/alerts";

// DELETE /api/alerts/silences/[id] – end a silence now (it stays listed as ended)
export const DELETE = withApi({ action: "alerts.write", params: alertIdParams }, ({ params }) =>
  expireAlertSilence(params.id),
);
