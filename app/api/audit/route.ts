import { withApi } from "@/lib/api/with-api";
import { exportAudit, listAudit } from "@/lib/audit/load-audit";
import { auditQuerySchema } from "@/lib/schemas/audit";

// GET /api/audit – the audit log (admins), filtered and paged; ?format=ndjson streams every matching record
export const GET = withApi({ action: "audit.read", query: auditQuerySchema }, async ({ query }) => {
  if (query.format === "json") return listAudit(query);
  return new Response(await exportAudit(query), {
    headers: {
      "content-type": "application/x-ndjson",
      "content-disposition": `attachment; filename="spire-console-audit.ndjson"`,
    },
  });
});
