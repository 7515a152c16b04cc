import type { Problem } from "./build-problems";

/** A server's badge on the Overview, with the reason shown beside it. */
export type ServerStatus = { state: "healthy" | "degraded" | "down" | "checking"; reason: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Down when the server cannot be reached; Degraded while any error the console knows of concerns
 * it (SPIRE, federation, expiry, Kubernetes, attestation); Healthy otherwise (warnings are named
 * in the reason). "checking" until the problems have been read.
 */
export function serverStatus(
  server: { name: string; healthy: boolean; error: { message: string } | null },
  problems: readonly Problem[] | null,
): ServerStatus {
  if (!server.healthy) return { state: "down", reason: server.error?.message ?? "The server cannot be reached." };
  if (!problems) return { state: "checking", reason: "Looking for problems…" };
  const mine = problems.filter((p) => p.server === server.name);
  const errors = mine.filter((p) => p.severity === "error");
  const warnings = mine.length - errors.length;
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${plural(errors.length - 1, "more error")})` : "";
    return { state: "degraded", reason: `${errors[0]!.title}${more}` };
  }
  return { state: "healthy", reason: warnings ? `${plural(warnings, "warning")}, no errors` : "No problems found" };
}
