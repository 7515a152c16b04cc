import { type ErrorCode, isErrorBody } from "@/lib/api/api-error";

/** An error answer of the console's API as the browser sees it. */
export class ApiClientError extends Error {
  readonly status: number;
  readonly code: ErrorCode | "network";
  readonly details: { path: string; message: string }[];

  constructor(
    status: number,
    code: ErrorCode | "network",
    message: string,
    details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "ApiClientError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Fetches JSON from the console's own API; any error answer becomes an ApiClientError. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    // Same-origin referrer policy: the console's pages say Referrer-Policy: no-referrer, under which
    // a POST would carry `Origin: null`, and changes must carry the console's Origin (CSRF check).
    response = await fetch(url, {
      referrerPolicy: "same-origin",
      ...init,
      headers: { accept: "application/json", ...init?.headers },
    });
  } catch {
    throw new ApiClientError(0, "network", "The console's server could not be reached.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isErrorBody(body))
      throw new ApiClientError(response.status, body.error.code, body.error.message, body.error.details);
    throw new ApiClientError(response.status, "internal", `Request failed with HTTP ${response.status}.`);
  }
  return body as T;
}
