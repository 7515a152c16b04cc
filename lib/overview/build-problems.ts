import { type OrphanKind, orphanKinds, orphanKindWords } from "@/lib/entries/orphan-kind";
import { expiringWithin, type ExpiryWindows } from "@/lib/expiry/expiring-words";
import type { FederationFlag } from "@/lib/federation/build-graph";
import { links } from "@/lib/links";

export type ProblemSeverity = "error" | "warning";

/** Where the console found a problem. */
export type ProblemSource = "spire" | "federation" | "expiry" | "kubernetes" | "attestation";

/**
 * One thing an operator should fix, with the page where it is fixed. `server` is the SPIRE
 * server it concerns (for Kubernetes and attestation problems, the server the cluster's agents
 * attest to).
 */
export type Problem = {
  severity: ProblemSeverity;
  source: ProblemSource;
  server: string;
  title: string;
  detail: string;
  /** What to do about it, when the check knows. */
  fix?: string;
  /** When it expires or expired (ISO), shown after `detail`. */
  at?: string;
  href: string;
  /** Where in Kubernetes it is: "cluster demo · deployment bar" (Kubernetes problems). */
  where?: string;
  /** The problems this one causes (a root cause's symptoms), shown under it rather than as problems of their own. */
  symptoms?: ProblemSymptom[];
};

/** A problem shown under its root cause: what it is and where it is on its page. */
export type ProblemSymptom = { severity: ProblemSeverity; title: string; href: string };

/** What the Overview knows about one server. */
export type ServerProblemInput = {
  server: string;
  error: string | null;
  /** Entries the tree cannot place, by the one orphan taxonomy the Clean-up uses too. */
  orphans: Record<OrphanKind, number>;
  expiredAgents: number;
  bannedAgents: number;
  ttlWarnings: { capped: number; atRisk: number };
  /** Agents that will not renew in time and expire within the critical window (as the Agents page counts them). */
  agentsExpiring: number;
  /** The configured windows (`expiry`), for the words. */
  windows: ExpiryWindows;
  /** Other items past the critical threshold (or expired), with what to do about them. */
  expiringSoon: { label: string; expiresAt: string; href: string; expired: boolean; advice?: string }[];
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
        source: "spire",
        server: s.server,
        title: `${s.server} cannot be reached`,
        detail: s.error,
        href: links.overview(s.server),
      });
      continue;
    }
    for (const kind of orphanKinds) {
      const n = s.orphans[kind];
      if (n === 0) continue;
      const words = orphanKindWords[kind];
      problems.push({
        severity: "warning",
        source: "spire",
        server: s.server,
        title: plural(n, words.one, words.many),
        detail: words.detail,
        href: links.entries(s.server, { expand: "orphans" }),
      });
    }
    if (s.expiredAgents > 0) {
      problems.push({
        severity: "error",
        source: "spire",
        server: s.server,
        title: plural(s.expiredAgents, "agent with an expired SVID", "agents with expired SVIDs"),
        detail: "Entries parented to them are not served until they re-attest.",
        href: links.agents(s.server, { expiring: "expired" }),
      });
    }
    if (s.agentsExpiring > 0) {
      problems.push({
        severity: "warning",
        source: "expiry",
        server: s.server,
        title: `${plural(s.agentsExpiring, "agent", "agents")} expiring ${expiringWithin(s.windows).critical}`,
        detail: "Past their renewal point without renewing (SPIRE renews at half the SVID's lifetime).",
        fix: "Check that each agent runs and reaches the server; restart it.",
        href: links.agents(s.server, { expiring: "24h" }),
      });
    }
    if (s.ttlWarnings.capped > 0) {
      problems.push({
        severity: "error",
        source: "expiry",
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
        source: "expiry",
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
        source: "expiry",
        server: s.server,
        title: `${item.label} ${item.expired ? "has expired" : "expires soon"}`,
        detail: item.expired ? "Expired" : "Expires",
        at: item.expiresAt,
        fix: item.advice,
        href: item.href,
      });
    }
  }
  for (const flag of federationFlags) {
    problems.push({
      severity: flag.kind === "bundle-without-relationship" ? "warning" : "error",
      source: "federation",
      server: flag.server,
      title: flag.message,
      detail: flag.kind,
      href: links.federation(flag.server),
    });
  }
  return sortProblems(problems);
}

/** Errors first; within a severity, by source (SPIRE, federation, expiry, Kubernetes, attestation); stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const order: ProblemSource[] = ["spire", "federation", "expiry", "kubernetes", "attestation"];
  return [...problems].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      order.indexOf(a.source) - order.indexOf(b.source),
  );
}
