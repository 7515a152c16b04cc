import "server-only";

import { ApiError } from "./api-error";

/** Largest request body a mutation accepts. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request's JSON body: `Content-Type: application/json` (415 otherwise), at most 1 MiB
 * (413), well-formed JSON (400). (Origin and authorization were checked by withApi.)
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new ApiError(
      "unsupported_media_type",
      `Send the request body as Content-Type: application/json (got ${type || "none"}).`,
    );
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  const text = await readLimited(request, limit);
  if (text.trim() === "") throw new ApiError("invalid_argument", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("invalid_argument", "The request body is not valid JSON.");
  }
}

/** Reads a request's body as text (any content type), at most `limit` bytes (413). */
export async function readTextBody(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  return readLimited(request, limit);
}

function tooLarge(limit: number): ApiError {
  return new ApiError(
    "payload_too_large",
    `The request body is larger than ${limit / 1024 / 1024} MiB; split it into smaller batches.`,
  );
}

/** Reads the body as UTF-8, stopping as soon as it exceeds `limit` bytes (chunked bodies too). */
async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
