import { type ErrorCode, type FieldIssue, isErrorBody } from "@/lib/api/api-error";
import type { Entry } from "@/lib/spire/types";

/** Dispatched on `window` when the API answers 401: the session expired or was ended elsewhere. */
export const SESSION_ENDED = "spire-console:session-ended";

/** An error answer of the console's API as the browser sees it. */
export class ApiClientError extends Error {
  readonly status: number;
  readonly code: ErrorCode | "network";
  readonly details: FieldIssue[];

  constructor(status: number, code: ErrorCode | "network", message: string, details: FieldIssue[] = []) {
    super(message);
    this.name = "ApiClientError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** A 409 `conflict` from PATCH: the entry changed since it was loaded; `current` is how it is now. */
export class StaleEntryClientError extends ApiClientError {
  readonly current: Entry;

  constructor(message: string, current: Entry) {
    super(409, "conflict", message);
    this.name = "StaleEntryClientError";
    this.current = current;
  }
}

/** A request to the console's API: GET by default; a `body` is sent as JSON. */
export type JsonRequest = { method?: "GET" | "POST" | "PATCH" | "DELETE"; body?: unknown; signal?: AbortSignal };

function toError(status: number, body: unknown): ApiClientError {
  if (!isErrorBody(body)) return new ApiClientError(status, "internal", `Request failed with HTTP ${status}.`);
  const current = (body as { current?: Entry }).current;
  if (status === 409 && body.error.code === "conflict" && current)
    return new StaleEntryClientError(body.error.message, current);
  return new ApiClientError(status, body.error.code, body.error.message, body.error.details);
}

/**
 * Calls the console's own API from the browser and returns the JSON answer. Every error answer
 * becomes an ApiClientError (a StaleEntryClientError for an edit based on an old revision);
 * an unreachable server becomes one with code `network`.
 */
export async function fetchJson<T>(url: string, request: JsonRequest = {}): Promise<T> {
  const { method = "GET", body, signal } = request;
  let response: Response;
  try {
    // Same-origin referrer policy: the console's pages say Referrer-Policy: no-referrer, under which
    // a POST would carry `Origin: null`, and changes must carry the console's Origin (CSRF check).
    response = await fetch(url, {
      referrerPolicy: "same-origin",
      method,
      signal,
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiClientError(0, "network", "The console's server could not be reached.");
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = toError(response.status, json);
    if (error.status === 401 && typeof window !== "undefined") window.dispatchEvent(new Event(SESSION_ENDED));
    throw error;
  }
  return json as T;
}
