import { isErrorBody } from "@/lib/api/api-error";
import { ApiClientError } from "@/lib/query/fetch-json";
import type { Entry } from "@/lib/spire/types";

/** A 409 `conflict` from PATCH: the entry changed since it was loaded; `current` is how it is now. */
export class StaleEntryClientError extends ApiClientError {
  readonly current: Entry;

  constructor(message: string, current: Entry) {
    super(409, "conflict", message);
    this.current = current;
  }
}

/** Sends a JSON mutation to the console's API; error answers become ApiClientErrors. */
export async function sendJson<T>(method: "POST" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      referrerPolicy: "same-origin",
      method,
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiClientError(0, "network", "The console's server could not be reached.");
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return json as T;
  if (isErrorBody(json)) {
    const current = (json as { current?: Entry }).current;
    if (response.status === 409 && json.error.code === "conflict" && current)
      throw new StaleEntryClientError(json.error.message, current);
    throw new ApiClientError(response.status, json.error.code, json.error.message, json.error.details);
  }
  throw new ApiClientError(response.status, "internal", `Request failed with HTTP ${response.status}.`);
}
