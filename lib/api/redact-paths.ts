import { can } from "@/lib/auth/can";
import type { Principal } from "@/lib/auth/principal";

/** Roots of file-system paths worth hiding (sockets, secrets, config, data directories). */
const roots = "tmp|etc|var|run|home|root|usr|opt|srv|mnt|data|work|proc|dev|app|secrets?|workspace";
const path = `\\/(?:${roots})(?:\\/[^\\s'",;:)\\]]*)?`;
const pathPattern = new RegExp(`unix:\\/\\/${path}|(?<![\\w.:/-])${path}`, "g");

/**
 * A message with internal file-system paths (sockets, certificate and config files) replaced by
 * "(path hidden)", for callers who are not admins. SPIFFE IDs and URL paths are left alone.
 */
export function redactPaths(message: string): string {
  return message.replace(pathPattern, "(path hidden)");
}

/** Whether `principal` sees internal file paths in error messages: admins, who can act on them. */
export function seesFilePaths(principal: Principal | null): boolean {
  return can(principal, "tokens.manage").allowed;
}
