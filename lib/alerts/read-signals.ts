import "server-only";

import { userMessage } from "@/lib/api/user-message";
import type { ConsoleConfig, ServerConfig } from "@/lib/config/schema";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
import { entryIndexStatus } from "@/lib/entries/entry-index-status";
import { getEntrySetStatus } from "@/lib/entry-sets/entry-set-status";
import type { FederationFreshness } from "@/lib/federation/judge-freshness";
import { judgeServerFederation } from "@/lib/federation/read-federation-freshness";
import { getLocalAuthorities } from "@/lib/spire/authorities";
import { listFederatedBundles } from "@/lib/spire/bundles";
import { listFederationRelationships } from "@/lib/spire/federation";
import { checkHealth } from "@/lib/spire/health";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { AuthoritySlots, Bundle } from "@/lib/spire/types";

import { readAttestationFailures } from "./read-attestations";
import type { AuthoritySignal, FederationSignal, ServerSignals } from "./signals";

/** One part of an evaluation waits at most this long for a server. */
const PART_DEADLINE_MS = 8_000;

function withDeadline<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PART_DEADLINE_MS} ms`)), PART_DEADLINE_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The part, or null when it could not be read in time (logged). */
const part = <T>(server: string, what: string, read: () => Promise<T>): Promise<T | null> =>
  withDeadline(read()).catch((error: unknown) => {
    console.warn(`[alerts] ${what} of ${server} not read: ${(error as Error).message ?? error}`);
    return null;
  });

function authoritySignals(kind: "x509" | "jwt", slots: AuthoritySlots): AuthoritySignal[] {
  return (["active", "prepared"] as const).flatMap((slot) => {
    const a = slots[slot];
    return a ? [{ kind, slot, authorityId: a.authorityId, expiresAt: a.expiresAt }] : [];
  });
}

/** Why a relationship is failing or stale, from SPIRE's fetch counters as the Federation page judges them. */
function freshnessProblem(f: FederationFreshness | undefined): string | null {
  if (!f) return null;
  const since = f.lastSuccessAt ? `last successful fetch ${f.lastSuccessAt}` : "no successful fetch seen";
  if (f.partnerNotServing)
    return `the partner no longer serves us (${f.lastError ?? "its last fetch failed"}; ${since})`;
  if (f.stale) return `stale: ${since}, over three refresh hints (${f.refreshHintSeconds} s each) ago`;
  return null;
}

function federationSignal(bundle: Bundle, freshness: readonly FederationFreshness[]): FederationSignal {
  const ends = bundle.x509Authorities.map((a) => a.notAfter).filter((t): t is string => t !== null);
  const latest = ends.sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null;
  const problem = freshnessProblem(freshness.find((f) => f.trustDomain === bundle.trustDomain));
  return { trustDomain: bundle.trustDomain, validUntil: latest, problem };
}

/** The federated bundles and, where SPIRE's fetch counters can be read, each relationship's freshness. */
async function readFederation(server: ServerConfig): Promise<FederationSignal[]> {
  const [relationships, bundles] = await Promise.all([
    listFederationRelationships(server),
    listFederatedBundles(server),
  ]);
  const freshness = await judgeServerFederation(server, relationships, bundles);
  return bundles.map((b) => federationSignal(b, freshness));
}

async function upOrWhy(server: ServerConfig): Promise<{ up: boolean; downReason: string | null }> {
  try {
    const serving = await withDeadline(checkHealth(server));
    return { up: serving, downReason: serving ? null : "its health service does not answer SERVING" };
  } catch (error) {
    return { up: false, downReason: userMessage(error, `checking ${server.name}'s health`) };
  }
}

/** Reads what the rules look at on one server; the console reads for itself here (no user, no authorization). */
export async function readServerSignals(
  server: ServerConfig,
  config: ConsoleConfig,
  now = Date.now(),
): Promise<ServerSignals> {
  const health = await upOrWhy(server);
  const attestations = part(server.name, "attestation metrics", () => readAttestationFailures(server, now));
  const [authorities, federation, agents] = health.up
    ? await Promise.all([
        part(server.name, "authorities", () => getLocalAuthorities(server)),
        part(server.name, "federation", () => readFederation(server)),
        part(server.name, "agents", async () =>
          (await readEntryIndex(server, await serverTrustDomain(server))).agents.map((a) => ({
            spiffeId: a.spiffeId,
            expiresAt: a.x509SvidExpiresAt,
            canReattest: a.canReattest,
            banned: a.banned,
          })),
        ),
      ])
    : [null, null, null];
  const index = entryIndexStatus(server.name);
  const sets = config.entrySets.filter((s) => s.server === server.name).map(getEntrySetStatus);
  return {
    server: server.name,
    ...health,
    authorities: authorities && [
      ...authoritySignals("x509", authorities.x509),
      ...authoritySignals("jwt", authorities.jwt),
    ],
    federation,
    agents,
    index: { state: index.state, failure: index.failure },
    entrySets: sets.map((s) => ({
      name: s.name,
      state: s.state,
      changes: s.counts.create + s.counts.update + s.counts.delete,
      error: s.error?.message ?? null,
    })),
    attestations: await attestations,
  };
}
