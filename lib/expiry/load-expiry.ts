import "server-only";

import { userMessage } from "@/lib/api/user-message";
import { authorize, readableServers } from "@/lib/auth/guard";
import { NOT_BEFORE_CUSHION_SECONDS } from "@/lib/authorities/timings";
import { loadConfig } from "@/lib/config/load-config";
import type { ServerConfig } from "@/lib/config/schema";
import { expiringEntries, slotsWithX509Ttl } from "@/lib/entries/compact/read-entries";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
import { findActiveCa } from "@/lib/expiry/active-ca";
import { agentRenewalContext, agentSvidUrgency } from "@/lib/expiry/agent-renewal";
import { activeAuthorityUrgency, authoritySchedule } from "@/lib/expiry/authority-schedule";
import {
  type ExpiryItem,
  expiryItem,
  sortByUrgency,
  thresholdsFromConfig,
  type Urgency,
  type UrgencyThresholds,
} from "@/lib/expiry/classify-expiry";
import { type AdviceContext, expiryAdvice, renewalOf } from "@/lib/expiry/expiry-advice";
import { checkX509SvidTtl, type TtlCheck } from "@/lib/expiry/ttl-cap";
import { links } from "@/lib/links";
import { serversInScope } from "@/lib/servers/resolve-server";
import { getLocalAuthorities } from "@/lib/spire/authorities";
import { getBundle, listFederatedBundles } from "@/lib/spire/bundles";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { AuthoritySlots, AuthorityState, X509Authority } from "@/lib/spire/types";

export type TtlWarning = TtlCheck & { server: string; entryId: string; spiffeId: string; parentId: string };

export type ServerExpiry = {
  server: string;
  error: string | null;
  /** The soonest 2000 items; `omitted` counts the later ones left out. */
  items: ExpiryItem[];
  omitted: number;
  ttlWarnings: TtlWarning[];
  activeCa: { notBefore: string; notAfter: string } | null;
};

export type ExpiryView = {
  now: string;
  /** The configured thresholds (`expiry.criticalHours`, `expiry.warningDays`), stated on the page. */
  thresholds: { criticalHours: number; warningDays: number };
  servers: ServerExpiry[];
  items: ExpiryItem[];
  ttlWarnings: TtlWarning[];
};

/** The `expiry` thresholds of the config (the defaults while the config is not valid). */
export function configuredExpiry(): { criticalHours: number; warningDays: number } {
  const state = loadConfig();
  return state.status === "ok" ? state.config.expiry : { criticalHours: 24, warningDays: 7 };
}

function configuredThresholds(): UrgencyThresholds {
  return thresholdsFromConfig(configuredExpiry());
}

const MAX_ITEMS = 2000;

function authorityItems(
  server: string,
  kind: "x509-authority" | "jwt-authority",
  slots: AuthoritySlots,
  now: number,
  thresholds: UrgencyThresholds,
  issuedAt: (authority: AuthorityState) => number | null,
): ExpiryItem[] {
  const label = kind === "x509-authority" ? "X.509 CA" : "JWT key";
  return (["active", "prepared", "old"] as const).flatMap((slot) => {
    const state = slots[slot];
    if (!state) return [];
    // Renewal is on track for a prepared or retired authority, and for an active one with a successor.
    const onTrack = slot !== "active" || slots.prepared !== null;
    // The active one is judged by SPIRE's own schedule: urgent only once its successor is overdue.
    const issued = slot === "active" ? issuedAt(state) : null;
    const urgency =
      slot === "active" && state.expiresAt
        ? activeAuthorityUrgency({
            issuedAt: issued,
            expiresAt: state.expiresAt,
            successorPrepared: slots.prepared !== null,
            now,
          })
        : null;
    const prepareAt =
      issued !== null && state.expiresAt ? authoritySchedule(issued, Date.parse(state.expiresAt)).prepareAt : null;
    const item = buildItem(
      {
        kind,
        server,
        label: `${server} ${label} (${slot})`,
        detail: state.authorityId,
        expiresAt: state.expiresAt,
        href: links.authorities(server),
      },
      now,
      { onTrack, thresholds, urgency },
      {
        slot,
        successorPrepared: slots.prepared !== null,
        prepareAt: prepareAt === null ? undefined : new Date(prepareAt).toISOString(),
      },
    );
    return item ? [item] : [];
  });
}

/**
 * When each authority was issued: an X.509 CA by its certificate (notBefore plus SPIRE's 10 s
 * cushion); a JWT key by the CA lifetime (SPIRE gives keys the CA's TTL), when the CA is self-signed.
 */
function issueTimes(certs: readonly X509Authority[], x509: AuthoritySlots) {
  const x509Issued = (a: AuthorityState) => {
    const cert = certs.find((c) => c.subjectKeyId === a.authorityId);
    return cert?.notBefore ? Date.parse(cert.notBefore) + NOT_BEFORE_CUSHION_SECONDS * 1000 : null;
  };
  const active = x509.active;
  const activeIssued = active && !active.upstreamAuthoritySubjectKeyId ? x509Issued(active) : null;
  const caLifetime = activeIssued !== null && active?.expiresAt ? Date.parse(active.expiresAt) - activeIssued : null;
  const jwtIssued = (a: AuthorityState) =>
    caLifetime !== null && a.expiresAt ? Date.parse(a.expiresAt) - caLifetime : null;
  return { x509: x509Issued, jwt: jwtIssued };
}

/**
 * A partner's CA by the same schedule as our own: fine while a CA that outlives it is in the bundle
 * (the partner prepared its successor) or until half its lifetime, so the same CA has one severity
 * on its own server's page and on its partners'.
 */
function federatedCaUrgency(ca: X509Authority, all: readonly X509Authority[], now: number): Urgency | null {
  if (!ca.notAfter) return null;
  const successor = all.some((other) => other.notAfter && Date.parse(other.notAfter) > Date.parse(ca.notAfter!));
  const issuedAt = ca.notBefore ? Date.parse(ca.notBefore) + NOT_BEFORE_CUSHION_SECONDS * 1000 : null;
  return activeAuthorityUrgency({ issuedAt, expiresAt: ca.notAfter, successorPrepared: successor, now });
}

/** `expiryItem` plus who renews it and the advice for its urgency. */
function buildItem(
  item: Omit<ExpiryItem, "urgency" | "expiresAt" | "renewal" | "advice"> & { expiresAt: string | null },
  now: number,
  options: { onTrack?: boolean; thresholds: UrgencyThresholds; urgency?: Urgency | null },
  context: AdviceContext = {},
): ExpiryItem | null {
  const placeholder = { ...item, renewal: renewalOf(item.kind), advice: "" };
  const built = expiryItem(placeholder, now, options);
  return built && { ...built, advice: expiryAdvice(built.kind, built.urgency, context) };
}

/** Everything on one server that expires, plus X.509 TTLs the active CA cannot honour. */
export async function readServerExpiry(
  server: ServerConfig,
  now: number,
  thresholds: UrgencyThresholds = configuredThresholds(),
): Promise<ServerExpiry> {
  try {
    const trustDomain = await serverTrustDomain(server);
    const [authorities, own, federated, index] = await Promise.all([
      getLocalAuthorities(server),
      getBundle(server),
      listFederatedBundles(server),
      readEntryIndex(server, trustDomain),
    ]);
    const name = server.name;
    const issued = issueTimes(own.x509Authorities, authorities.x509);
    const renewal = agentRenewalContext(index.agents, index.agentsReadAt);
    const items: (ExpiryItem | null)[] = [
      ...authorityItems(name, "x509-authority", authorities.x509, now, thresholds, issued.x509),
      ...authorityItems(name, "jwt-authority", authorities.jwt, now, thresholds, issued.jwt),
      ...index.agents.map((agent) =>
        buildItem(
          {
            kind: "agent-svid",
            server: name,
            label: agent.spiffeId,
            detail: `agent SVID ${agent.x509SvidSerialNumber}`,
            expiresAt: agent.x509SvidExpiresAt,
            href: links.agent(name, agent.spiffeId),
          },
          now,
          { thresholds, urgency: agentSvidUrgency(agent, renewal, now, thresholds) },
          { canReattest: agent.canReattest },
        ),
      ),
      ...federated.flatMap((bundle) =>
        bundle.x509Authorities.map((ca) =>
          buildItem(
            {
              kind: "federated-ca",
              server: name,
              label: `${bundle.trustDomain} CA`,
              detail: ca.subject,
              expiresAt: ca.notAfter,
              href: links.federation(name),
            },
            now,
            { thresholds, urgency: federatedCaUrgency(ca, bundle.x509Authorities, now) },
            { trustDomain: bundle.trustDomain },
          ),
        ),
      ),
      ...expiringEntries(index).map((entry) =>
        buildItem(
          {
            kind: "entry",
            server: name,
            label: entry.spiffeId,
            detail: `entry ${entry.id}`,
            expiresAt: entry.expiresAt,
            href: links.entry(name, entry.id),
          },
          now,
          { thresholds },
        ),
      ),
    ];
    const activeCa = findActiveCa(own.x509Authorities, authorities.x509.active?.expiresAt ?? null);
    const ttlWarnings: TtlWarning[] = [];
    if (activeCa) {
      const c = index.columns;
      for (const [slot, ttl] of slotsWithX509Ttl(index)) {
        const check = checkX509SvidTtl(ttl, activeCa, now);
        if (check && check.status !== "ok")
          ttlWarnings.push({
            ...check,
            server: name,
            entryId: c.idAt(slot),
            spiffeId: c.spiffeIdOf(slot),
            parentId: c.parentIdOf(slot),
          });
      }
    }
    const sorted = sortByUrgency(items.filter((i): i is ExpiryItem => i !== null));
    return {
      server: name,
      error: null,
      items: sorted.slice(0, MAX_ITEMS),
      omitted: Math.max(0, sorted.length - MAX_ITEMS),
      ttlWarnings: ttlWarnings.slice(0, MAX_ITEMS),
      activeCa,
    };
  } catch (error) {
    const message = userMessage(error, `reading expiry on ${server.name}`);
    return { server: server.name, error: message, items: [], omitted: 0, ttlWarnings: [], activeCa: null };
  }
}

/** Expiry across every server the caller may read (or just `only`), most urgent first. */
export async function getExpiryView(only?: string): Promise<ExpiryView> {
  await authorize("expiry.read", { server: only });
  const now = Date.now();
  const servers = await readableServers(serversInScope(only), "expiry.read");
  const expiry = configuredExpiry();
  const results = await Promise.all(servers.map((s) => readServerExpiry(s, now, thresholdsFromConfig(expiry))));
  return {
    now: new Date(now).toISOString(),
    thresholds: expiry,
    servers: results,
    items: sortByUrgency(results.flatMap((r) => r.items)),
    ttlWarnings: results.flatMap((r) => r.ttlWarnings),
  };
}
