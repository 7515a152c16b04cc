import type { FederationFlag } from "@/lib/federation/build-graph";
import { links } from "@/lib/links";

export type ProblemSeverity = "error" | "warning";

/** One thing an operator should fix, with the page where it is fixed. */
export type Problem = { severity: ProblemSeverity; server: string; title: string; detail: string; href: string };

/** What the Overview knows about one server. */
export type ServerProblemInput = {
  server: string;
  error: string | null;
  orphans: number;
  expiredAgents: number;
  bannedAgents: number;
  ttlWarnings: { capped: number; atRisk: number };
  expiringSoon: { label: string; expiresAt: string; href: string; expired: boolean }[];
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Every problem across servers, errors first, each linking to where it is fixed. */
export function buildProblems(
  servers: readonly ServerProblemInput[],
  federationFlags: readonly FederationFlag[],
): Problem[] {
  const problems: Problem[] = [];
  for (const s of servers) {
    if (s.error) {
      problems.push({
        severity: "error",
        server: s.server,
        title: `${s.server} cannot be reached`,
        detail: s.error,
        href: links.overview(s.server),
      });
      continue;
    }
    if (s.orphans > 0) {
      problems.push({
        severity: "warning",
        server: s.server,
        title: plural(s.orphans, "orphaned entry", "orphaned entries"),
        detail: "Their parent is neither the server, an agent, nor any entry.",
        href: links.entries(s.server, { expand: "orphans" }),
      });
    }
    if (s.expiredAgents > 0) {
      problems.push({
        severity: "error",
        server: s.server,
        title: plural(s.expiredAgents, "agent with an expired SVID", "agents with expired SVIDs"),
        detail: "Entries parented to them are not served until they re-attest.",
        href: links.agents(s.server, { expiresBefore: new Date().toISOString() }),
      });
    }
    if (s.ttlWarnings.capped > 0) {
      problems.push({
        severity: "error",
        server: s.server,
        title: plural(
          s.ttlWarnings.capped,
          "entry whose X.509 TTL is cut by the CA",
          "entries whose X.509 TTL is cut by the CA",
        ),
        detail: "Their SVIDs get the CA's remaining lifetime, not the TTL they ask for.",
        href: links.expiry(s.server, "ttl"),
      });
    }
    if (s.ttlWarnings.atRisk > 0) {
      problems.push({
        severity: "warning",
        server: s.server,
        title: plural(
          s.ttlWarnings.atRisk,
          "entry with an X.509 TTL above the CA's guarantee",
          "entries with X.509 TTLs above the CA's guarantee",
        ),
        detail: "They may be cut short near CA rotation.",
        href: links.expiry(s.server, "ttl"),
      });
    }
    for (const item of s.expiringSoon) {
      problems.push({
        severity: item.expired ? "error" : "warning",
        server: s.server,
        title: `${item.label} ${item.expired ? "has expired" : "expires within a day"}`,
        detail: item.expiresAt,
        href: item.href,
      });
    }
  }
  for (const flag of federationFlags) {
    problems.push({
      severity: flag.kind === "bundle-without-relationship" ? "warning" : "error",
      server: flag.server,
      title: flag.message,
      detail: flag.kind,
      href: links.federation(flag.server),
    });
  }
  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}
