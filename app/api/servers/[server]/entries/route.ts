import { ApiError } from "@/lib/api/api-error";
import { readMutationJson } from "@/lib/api/mutation-guard";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { batchCreateSchema, checkEntryRows, mentionsFederation } from "@/lib/schemas/entry-input";
import { entryListQuerySchema, searchParamsToObject } from "@/lib/schemas/list-queries";
import { getServerConfig } from "@/lib/spire/client";
import { listEntries } from "@/lib/spire/entries";
import { type CreateResult, createEntries, entryInputContext } from "@/lib/spire/entry-mutations";

// GET /api/servers/[server]/entries – one page of entries, filtered like `spire-server entry show`
export const GET = withApi<{ server: string }>(async (request, { server }) => {
  const config = getServerConfig(server);
  const query = parseOrThrow(
    entryListQuerySchema,
    searchParamsToObject(new URL(request.url).searchParams),
    "entry query",
  );
  const { pageSize, pageToken, selector, ...filters } = query;
  const page = await listEntries(config, { ...filters, selectors: selector }, { pageSize, pageToken });
  return { entries: page.items, nextPageToken: page.nextPageToken };
});

const isBatch = (body: unknown): body is { entries: unknown } =>
  typeof body === "object" && body !== null && "entries" in body;

// POST /api/servers/[server]/entries – create one entry (201), or `{ entries }` with a result per row (200)
export const POST = withApi<{ server: string }>(async (request, { server }) => {
  const config = getServerConfig(server);
  const body = await readMutationJson(request);
  const rows = isBatch(body) ? parseOrThrow(batchCreateSchema, body, "batch").entries : [body];
  const checked = checkEntryRows(rows, await entryInputContext(config, mentionsFederation(rows)));
  if (!isBatch(body)) {
    const [row] = checked;
    if (!row?.ok) throw new ApiError("invalid_argument", row?.message ?? "Invalid entry", row?.details);
    const [result] = await createEntries(config, [row.input]);
    if (result?.status.code !== "ok" || !result.entry) {
      throw new ApiError(
        result?.status.code === "ok" || !result ? "internal" : result.status.code,
        result?.status.message ?? "No result",
      );
    }
    return Response.json(result.entry, { status: 201 });
  }
  const valid = checked.filter((r) => r.ok);
  const created = await createEntries(
    config,
    valid.map((r) => r.input),
  );
  const byIndex = new Map<number, CreateResult>(valid.map((r, i) => [r.index, created[i]!]));
  const results = checked.map((row) =>
    row.ok
      ? { index: row.index, ...byIndex.get(row.index)! }
      : { index: row.index, status: { code: "invalid_argument" as const, message: row.message, details: row.details } },
  );
  const createdCount = results.filter((r) => r.status.code === "ok").length;
  return {
    ok: createdCount === results.length,
    summary: { created: createdCount, failed: results.length - createdCount },
    results,
  };
});
