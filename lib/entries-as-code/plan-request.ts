import "server-only";

import { z } from "zod";

import { ApiError } from "@/lib/api/api-error";
import { readTextBody } from "@/lib/api/read-json-body";
import { parseOrThrow } from "@/lib/api/zod-issues";

import { parseEntrySet } from "./parse-entry-set";
import type { EntrySetDocument, PlanOptions } from "./types";

/** A plan request's body may carry a 10,000-entry file. */
export const MAX_PLAN_BODY_BYTES = 32 * 1024 * 1024;

const revisionSchema = z.string().trim().min(1).max(200, "sourceRevision must be at most 200 characters");

/** `POST .../plans` as JSON: the file's text plus options. */
const planBodySchema = z.strictObject({
  text: z.string({ error: "text (the file's content) is required" }).min(1, "text must not be empty"),
  fileName: z.string().max(500).optional(),
  owns: z
    .strictObject({
      entryIdPrefix: z
        .string()
        .regex(/^[A-Za-z0-9._-]+$/, "entryIdPrefix: letters, digits, '.', '-', '_'")
        .optional(),
      spiffeIdPrefixes: z
        .array(z.string().startsWith("spiffe://", "A SPIFFE-ID prefix starts with spiffe://"))
        .optional(),
    })
    .optional(),
  prune: z.boolean().optional(),
  refresh: z.boolean().optional(),
  sourceRevision: revisionSchema.optional(),
});

/** `POST .../plans/{id}/apply`. */
export const applyBodySchema = z.strictObject({
  allowMassDelete: z.boolean({ error: "allowMassDelete must be true or false" }).optional(),
  sourceRevision: revisionSchema.optional(),
});

/**
 * Reads a plan request: JSON `{ text, fileName?, owns?, prune?, refresh?, sourceRevision? }`, or the
 * file itself as the body (YAML or JSON, any text type). A file that cannot be read is a 400
 * naming the field.
 */
export async function readPlanRequest(
  request: Request,
): Promise<{ document: EntrySetDocument; options: PlanOptions & { refresh?: boolean } }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const raw = await readTextBody(request, MAX_PLAN_BODY_BYTES);
  let text = raw;
  let options: PlanOptions & { refresh?: boolean } = {};
  if (type === "application/json") {
    let json: unknown;
    try {
      json = JSON.parse(raw) as unknown;
    } catch {
      throw new ApiError("invalid_argument", "The request body is not valid JSON.");
    }
    const isWrapper = typeof json === "object" && json !== null && "text" in json;
    if (isWrapper) {
      const body = parseOrThrow(planBodySchema, json, "plan request");
      text = body.text;
      options = {
        owns: body.owns,
        prune: body.prune,
        refresh: body.refresh,
        source: { name: body.fileName, revision: body.sourceRevision },
      };
    }
  }
  const parsed = parseEntrySet(text);
  if (!parsed.ok) throw new ApiError("invalid_argument", parsed.message, parsed.details.slice(0, 100));
  options.source = { ...options.source, format: parsed.format };
  return { document: parsed.document, options };
}
