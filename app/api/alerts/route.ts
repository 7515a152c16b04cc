import { loadAlerts } from "@/lib/alerts/load-alerts";
import { withApi } from "@/lib/api/with-api";

// GET /api/alerts – rules, sinks (secrets shortened), silences, firing and lately resolved alerts, the delivery log
export const GET = withApi({ action: "alerts.read" }, () => loadAlerts());
