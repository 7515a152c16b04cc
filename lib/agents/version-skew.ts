/**
 * How an agent's version relates to its server's. SPIRE supports agents of the server's minor
 * version and of the one before it (n-1); an agent newer than its server is not supported.
 */
export type VersionSkew = "current" | "one-minor-behind" | "too-old" | "newer-than-server" | "unknown";

type Version = { major: number; minor: number; patch: number };

/** "1.15.3", "v1.14.0-rc.1" → numbers; null for anything else (an empty agent_version). */
export function parseVersion(text: string | null | undefined): Version | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec((text ?? "").trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) } : null;
}

/** The skew of `agent` against `server` (unknown when either version is). */
export function versionSkew(agent: string, server: string | null | undefined): VersionSkew {
  const a = parseVersion(agent);
  const s = parseVersion(server);
  if (!a || !s) return "unknown";
  if (a.major > s.major || (a.major === s.major && a.minor > s.minor)) return "newer-than-server";
  if (a.major === s.major && a.minor === s.minor) return "current";
  if (a.major === s.major && a.minor === s.minor - 1) return "one-minor-behind";
  return "too-old";
}

/** Words for a skew, for the fleet panel and the rows. */
export const skewText: Record<VersionSkew, string> = {
  current: "same minor version as the server",
  "one-minor-behind": "one minor version behind the server (supported)",
  "too-old": "more than one minor version behind the server (not supported: upgrade it)",
  "newer-than-server": "newer than the server (not supported: upgrade the server first)",
  unknown: "version unknown",
};

/** Orders versions newest first ("" last). */
export function compareVersionsDesc(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return x ? -1 : y ? 1 : a.localeCompare(b);
  return y.major - x.major || y.minor - x.minor || y.patch - x.patch || a.localeCompare(b);
}
