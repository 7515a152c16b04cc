import { ApiError } from "./api-error";
import { redactPaths } from "./redact-paths";

/**
 * The message to show for an error caught while reading one part of a page: an ApiError's own
 * message (written to be shown) without internal file paths (kept for `admin`, as the API keeps them),
 * else a generic one. Unknown errors are logged with `context`, so what the page hides is in the server log.
 */
export function userMessage(error: unknown, context: string, admin = false): string {
  if (error instanceof ApiError) return admin ? error.message : redactPaths(error.message);
  console.error(`[${context}] unexpected error`, error);
  return `Unexpected error while ${context}; see the console's server log.`;
}

/** Like `userMessage`, but keeps the error code (for problem lists that show it). */
export function userError(error: unknown, context: string): { code: string; message: string } {
  return { code: error instanceof ApiError ? error.code : "internal", message: userMessage(error, context) };
}
