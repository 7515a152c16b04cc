import { deleteAlertSink, updateAlertSink } from "@/lib/alerts/manage-sinks";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { alertIdParams, sinkUpdateSchema } from "@/lib/schemas/alerts";

// PATCH /api/alerts/sinks/[id] – change a sink's name, URL, signing key or whether it is enabled
export const PATCH = withApi({ action: "alerts.write", params: alertIdParams }, async ({ request, params }) => {
  const input = parseOrThrow(sinkUpdateSchema, await readJsonBody(request), "sink");
  return updateAlertSink(params.id, input);
});

// DELETE /api/alerts/sinks/[id] – delete a sink
export const DELETE = withApi({ action: "alerts.write", params: alertIdParams }, ({ params }) =>
  deleteAlertSink(params.id),
);
