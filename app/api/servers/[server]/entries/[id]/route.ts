import { ApiError } from "@/lib/api/api-error";
import { assertSameOrigin, readMutationJson } from "@/lib/api/mutation-guard";
import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { entryIdSchema, entryPatchSchema, storeSvidProblem } from "@/lib/schemas/entry-input";
import { getServerConfig } from "@/lib/spire/client";
import { getEntry } from "@/lib/spire/entries";
import { deleteEntries, entryInputContext, updateEntryFields } from "@/lib/spire/entry-mutations";

// GET /api/servers/[server]/entries/[id] – one entry by its ID
export const GET = withApi<{ server: string; id: string }>(async (_request, { server, id }) => {
  const config = getServerConfig(server);
  if (!/^[A-Za-z0-9._-]{1,255}$/.test(id)) throw new ApiError("invalid_argument", `'${id}' is not an entry ID.`);
  return getEntry(config, id);
});

// PATCH /api/servers/[server]/entries/[id] – change only the sent fields, if the entry is still at `revisionNumber` (409 otherwise)
export const PATCH = withApi<{ server: string; id: string }>(async (request, { server, id }) => {
  const config = getServerConfig(server);
  const body = await readMutationJson(request);
  parseOrThrow(entryIdSchema, id, "entry ID");
  const withBundles = typeof body === "object" && body !== null && "federatesWith" in body;
  const { revisionNumber, ...fields } = parseOrThrow(
    entryPatchSchema(await entryInputContext(config, withBundles)),
    body,
    "entry change",
  );
  return updateEntryFields(config, id, revisionNumber, fields, (current) => {
    const problem = storeSvidProblem({ ...current, ...fields });
    if (problem)
      throw new ApiError("invalid_argument", `Invalid entry change: ${problem}`, [
        { path: "storeSvid", message: problem },
      ]);
  });
});

// DELETE /api/servers/[server]/entries/[id] – delete one entry
export const DELETE = withApi<{ server: string; id: string }>(async (request, { server, id }) => {
  const config = getServerConfig(server);
  assertSameOrigin(request);
  parseOrThrow(entryIdSchema, id, "entry ID");
  const [result] = await deleteEntries(config, [id]);
  if (!result || result.status.code !== "ok") {
    throw new ApiError(
      result && result.status.code !== "ok" ? result.status.code : "internal",
      result?.status.message ?? "No result",
    );
  }
  return { deleted: id };
});
