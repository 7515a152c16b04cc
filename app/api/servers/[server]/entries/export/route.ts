import { withApi } from "@/lib/api/with-api";
import { exportEntries } from "@/lib/entries-as-code/export-entries";
import { exportQuerySchema } from "@/lib/schemas/entries-as-code";
import { serverParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/entries/export?format=…&spiffeIdPrefix=…&parentId=…&ids=a,b – a scope as code (a download)
export const GET = withApi(
  { action: "entries.read", params: serverParams, query: exportQuerySchema },
  async ({ params, query }) => {
    const { format, as, ...scope } = query;
    const file = await exportEntries(params.server, scope, format, as);
    return new Response(file.text, {
      headers: {
        "content-type": `${file.contentType}; charset=utf-8`,
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "x-entry-count": String(file.count),
      },
    });
  },
);
