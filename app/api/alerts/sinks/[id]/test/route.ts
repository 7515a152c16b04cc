import { sendTestToSink } from "@/lib/alerts/manage-sinks";
import { withApi } from "@/lib/api/with-api";
import { alertIdParams } from "@/lib/schemas/alerts";

// POST /api/alerts/sinks/[id]/test – send a test notification now; answers with the delivery's last attempt
export const POST = withApi({ action: "alerts.write", params: alertIdParams }, ({ params }) =>
  sendTestToSink(params.id),
);
