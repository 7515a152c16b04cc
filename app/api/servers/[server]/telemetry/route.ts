import { withApi } from "@/lib/api/with-api";
import { serverParams } from "@/lib/schemas/path-params";
import { loadTelemetryReport } from "@/lib/telemetry/load-telemetry-report";

// GET /api/servers/[server]/telemetry – the "What SPIRE says" panels: SPIRE's metrics via PromQL or its telemetry
export const GET = withApi({ action: "servers.read", params: serverParams }, async ({ params }) =>
  loadTelemetryReport(params.server),
);
