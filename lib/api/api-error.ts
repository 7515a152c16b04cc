/**
 * The one error shape of the console's API: `{ error: { code, message, details? } }`.
 * Every failure a route can report is an ApiError with a code from this fixed list.
 */
export const errorStatus = {
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  conflict: 409,
  already_exists: 409,
  failed_precondition: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  misdirected_request: 421,
  too_many_requests: 429,
  not_configured: 503,
  unavailable: 503,
  deadline_exceeded: 504,
  internal: 500,
  /** SPIRE did not accept the console's own credentials: the console's configuration, not the user's sign-in. */
  bad_gateway: 502,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One problem with one field of a request, e.g. `{ path: "selectors.0", message: "..." }`. */
export type FieldIssue = { path: string; message: string };

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: FieldIssue[] } };

/** A failure the API reports to its caller as-is: the message must be safe to show. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: FieldIssue[];
  /** Extra response headers (e.g. Retry-After on a 429). */
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, details?: FieldIssue[], headers?: Record<string, string>) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toBody(): ErrorBody {
    const error: ErrorBody["error"] = { code: this.code, message: this.message };
    if (this.details?.length) error.details = this.details;
    return { error };
  }
}

/** True when `body` looks like an ErrorBody (used by the browser-side fetch helper). */
export function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}
