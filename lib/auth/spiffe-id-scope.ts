import { parseSpiffeId } from "@/lib/schemas/spiffe-id";

/**
 * True when `spiffeId` lies at or under `prefix`, comparing whole path segments of one trust
 * domain: `spiffe://td/team-a` (or `.../team-a/`) covers `spiffe://td/team-a` and
 * `spiffe://td/team-a/x`, never `spiffe://td/team-ab`. Both must be valid SPIFFE IDs, so `..`,
 * `.`, empty segments (`//`) and percent-encodings can never walk out of the prefix.
 */
export function isUnderPrefix(spiffeId: string, prefix: string): boolean {
  const id = parseSpiffeId(spiffeId);
  const scope = parseSpiffeId(prefix.endsWith("/") ? prefix.slice(0, -1) : prefix);
  if ("error" in id || "error" in scope) return false;
  if (id.trustDomain !== scope.trustDomain) return false;
  const want = scope.path.split("/").filter(Boolean);
  const have = id.path.split("/").filter(Boolean);
  return want.length <= have.length && want.every((segment, i) => have[i] === segment);
}

/**
 * True when the DNS name is one of the suffixes or a name under it, on label boundaries
 * (`api.team-a.svc` is under `team-a.svc`; `evilteam-a.svc` is not). Case-insensitive.
 */
export function isUnderDnsSuffix(name: string, suffix: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, "");
  const s = suffix.toLowerCase().replace(/^\./, "").replace(/\.$/, "");
  return s !== "" && (n === s || n.endsWith(`.${s}`));
}
