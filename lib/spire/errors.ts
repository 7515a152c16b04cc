import "server-only";

import { status as GrpcStatus } from "@grpc/grpc-js";

import { ApiError, type ErrorCode } from "@/lib/api/api-error";

const codeFor: Partial<Record<number, ErrorCode>> = {
  [GrpcStatus.INVALID_ARGUMENT]: "invalid_argument",
  [GrpcStatus.NOT_FOUND]: "not_found",
  [GrpcStatus.ALREADY_EXISTS]: "already_exists",
  [GrpcStatus.PERMISSION_DENIED]: "permission_denied",
  // SPIRE refusing the console's own identity is the console's configuration problem, never the
  // user's sign-in: a 502 that says what to fix (a 401 would send the user to sign in again).
  [GrpcStatus.UNAUTHENTICATED]: "bad_gateway",
  [GrpcStatus.FAILED_PRECONDITION]: "failed_precondition",
  [GrpcStatus.UNAVAILABLE]: "unavailable",
  [GrpcStatus.DEADLINE_EXCEEDED]: "deadline_exceeded",
};

/** Maps a gRPC status code to the console's error code (anything unexpected is `internal`). */
export function errorCodeForGrpc(code: number): ErrorCode {
  return codeFor[code] ?? "internal";
}

function isServiceError(error: unknown): error is { code: number; details: string } {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof (error as { code: unknown }).code === "number"
  );
}

/** What this server version does not implement (e.g. WIT-SVIDs in SPIRE 1.15), said once per process. */
const unimplementedSaid = new Set<string>();

/** Logs an unexpected status; UNIMPLEMENTED is a property of the server's version, so it is logged only once. */
function logInternal(serverName: string, code: number, details: string): void {
  if (code === GrpcStatus.UNIMPLEMENTED) {
    const key = `${serverName}\n${details}`;
    if (unimplementedSaid.has(key)) return;
    unimplementedSaid.add(key);
    console.error(`[spire:${serverName}] gRPC status ${code}: ${details} (said once: SPIRE does not implement it)`);
    return;
  }
  console.error(`[spire:${serverName}] gRPC status ${code}: ${details}`);
}

/** Turns an error from a call to server `serverName` into an ApiError with a message for operators. */
export function toApiError(error: unknown, serverName: string): ApiError {
  if (error instanceof ApiError) return error;
  if (!isServiceError(error)) {
    console.error(`[spire:${serverName}] unexpected error`, error);
    return new ApiError("internal", `Unexpected error talking to SPIRE server '${serverName}'.`);
  }
  const code = errorCodeForGrpc(error.code);
  const details = error.details || "no details";
  switch (code) {
    case "unavailable":
      return new ApiError(code, `SPIRE server '${serverName}' is unavailable: ${details}`);
    case "deadline_exceeded":
      return new ApiError(code, `SPIRE server '${serverName}' did not answer in time.`);
    case "permission_denied":
      return new ApiError(code, `SPIRE server '${serverName}' refused the console: ${details}`);
    case "bad_gateway":
      return new ApiError(
        code,
        `SPIRE server '${serverName}' did not accept the console's credentials (${details}): check the console's ` +
          "SVID and that its SPIFFE ID is in the server's admin_ids or has an admin entry.",
      );
    case "internal":
      logInternal(serverName, error.code, details);
      return new ApiError(code, `SPIRE server '${serverName}' reported an error: ${details}`);
    default:
      return new ApiError(code, details);
  }
}
