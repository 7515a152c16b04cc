import "server-only";

import { userMessage } from "@/lib/api/user-message";
import { authorize } from "@/lib/auth/guard";
import { loadConfig } from "@/lib/config/load-config";
import type { ServerConfig } from "@/lib/config/schema";
import { configuredServers } from "@/lib/servers/resolve-server";
import { agentTrustViews } from "@/lib/spiffe/status";
import { listAllAgents } from "@/lib/spire/agents";
import { answerAuthoritySlots } from "@/lib/spire/authorities";
import { getBundle } from "@/lib/spire/bundles";
import { listFederationRelationships } from "@/lib/spire/federation";
import { getServerInfo } from "@/lib/spire/health";
import { isRemoteServer } from "@/lib/spire/remote-server";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { AuthorityKind, AuthoritySlots, Bundle } from "@/lib/spire/types";

import { configMapCopies } from "./configmap-copies";
import { planRotation } from "./plan-rotation";
import { agentSerialsOf, lastStepRecord, stepRecords } from "./rotation-events";
import type { AgentSerial, BundleCopy, EventTime, HeldAuthority, RotationFacts, RotationView } from "./rotation-types";
import { DEFAULT_REFRESH_HINT_SECONDS, NOT_BEFORE_CUSHION_SECONDS } from "./timings";

/** The authorities of one kind a bundle holds. */
export function heldAuthorities(bundle: Bundle, kind: AuthorityKind): HeldAuthority[] {
  if (kind === "x509") {
    return bundle.x509Authorities.map((a) => ({
      id: a.subjectKeyId,
      tainted: a.tainted,
      expiresAt: a.notAfter,
      notBefore: a.notBefore,
    }));
  }
  const keys = kind === "jwt" ? bundle.jwtAuthorities : bundle.witAuthorities;
  return keys.map((k) => ({ id: k.keyId, tainted: k.tainted, expiresAt: k.expiresAt, notBefore: null }));
}

/** Copies held by the other configured servers that federate with `trustDomain`, and unseen partners. */
async function partnerCopies(server: ServerConfig, trustDomain: string, kind: AuthorityKind): Promise<BundleCopy[]> {
  const others = configuredServers().filter((s) => s.name !== server.name);
  const seen = await Promise.all(
    others.map(async (other): Promise<BundleCopy | null> => {
      try {
        const [td, relationships] = await Promise.all([serverTrustDomain(other), listFederationRelationships(other)]);
        const relationship = relationships.find((r) => r.trustDomain === trustDomain);
        if (!relationship) return null;
        const label = `${td} (server ${other.name})`;
        return {
          kind: "partner",
          label,
          server: other.name,
          trustDomain: td,
          authorities: relationship.bundle ? heldAuthorities(relationship.bundle, kind) : [],
          reason: null,
        };
      } catch (error) {
        const reason = userMessage(error, `reading the federation of ${other.name}`);
        const label = `server ${other.name}`;
        return {
          kind: "partner",
          label,
          server: other.name,
          trustDomain: other.trustDomain ?? "",
          authorities: null,
          reason,
        };
      }
    }),
  );
  const copies = seen.filter((c): c is BundleCopy => c !== null);
  // Trust domains this server federates with that no configured server serves: they most likely fetch
  // this bundle too, but the console cannot see their copy.
  const known = new Set([...copies.map((c) => c.trustDomain), ...others.map((o) => o.trustDomain)]);
  const own = await listFederationRelationships(server).catch(() => []);
  for (const relationship of own) {
    if (known.has(relationship.trustDomain)) continue;
    copies.push({
      kind: "partner",
      label: relationship.trustDomain,
      server: null,
      trustDomain: relationship.trustDomain,
      authorities: null,
      reason: `${relationship.trustDomain} is not administered by this console, so its copy cannot be checked.`,
    });
  }
  return copies;
}

/** The bundle the console's own agent delivers for the trust domain (X.509 only), with the console's SVID signers. */
function consoleAgentFacts(trustDomain: string) {
  const state = loadConfig();
  if (state.status !== "ok") return { copies: [], signers: null };
  const views = agentTrustViews(state.config, trustDomain).filter((v) => v.authorityIds !== null || v.svids.length);
  const copies: BundleCopy[] = views.map((v) => ({
    kind: "console-agent",
    label: `the console's agent (${v.socket})`,
    server: null,
    trustDomain,
    authorities: v.authorityIds?.map((id) => ({ id, tainted: false, expiresAt: null, notBefore: null })) ?? null,
    reason: v.error ?? (v.authorityIds ? null : `it delivers no bundle for ${trustDomain}`),
  }));
  return { copies, signers: views.flatMap((v) => v.svids) };
}

/** When the prepared authority was published: the console's record, else the certificate, else an estimate. */
function preparedTime(
  record: { at: number } | null,
  kind: AuthorityKind,
  slots: AuthoritySlots,
  bundle: Bundle,
): EventTime | null {
  if (record) return { at: new Date(record.at).toISOString(), source: "console" };
  return preparedTimeFromBundle(kind, slots, bundle);
}

function preparedTimeFromBundle(kind: AuthorityKind, slots: AuthoritySlots, bundle: Bundle): EventTime | null {
  const prepared = slots.prepared ?? slots.active;
  if (!prepared) return null;
  const x509 = bundle.x509Authorities;
  if (kind === "x509") {
    const cert = x509.find((a) => a.subjectKeyId === prepared.authorityId);
    if (!cert?.notBefore) return null;
    return {
      at: new Date(Date.parse(cert.notBefore) + NOT_BEFORE_CUSHION_SECONDS * 1000).toISOString(),
      source: "certificate",
    };
  }
  // JWT and WIT keys expire ca_ttl after they were prepared; a self-signed CA's lifetime is ca_ttl too.
  const ca = x509.filter((a) => a.notBefore && a.notAfter).at(-1);
  if (!ca || !prepared.expiresAt || slots.active?.upstreamAuthoritySubjectKeyId) return null;
  const caTtl = Date.parse(ca.notAfter!) - Date.parse(ca.notBefore!) - NOT_BEFORE_CUSHION_SECONDS * 1000;
  return { at: new Date(Date.parse(prepared.expiresAt) - caTtl).toISOString(), source: "estimate" };
}

/** The root that signed the server's own SVID (Debug API, local socket only). */
async function serverSvidSigner(server: ServerConfig): Promise<{ expiresAt: string | null; reason: string | null }> {
  if (isRemoteServer(server)) {
    return {
      expiresAt: null,
      reason: "The Debug API answers only on the server's local socket, so its SVID is not visible.",
    };
  }
  try {
    const chain = (await getServerInfo(server)).svidChain;
    return { expiresAt: chain.at(-1)?.expiresAt ?? null, reason: null };
  } catch (error) {
    return { expiresAt: null, reason: userMessage(error, `reading ${server.name}'s SVID`) };
  }
}

function toAgentSerials(agents: Awaited<ReturnType<typeof listAllAgents>>): AgentSerial[] {
  return agents.map((a) => ({
    spiffeId: a.spiffeId,
    serial: a.x509SvidSerialNumber,
    banned: a.banned,
    expiresAt: a.x509SvidExpiresAt,
  }));
}

/** Gathers every fact the preconditions of one kind's rotation on `server` are decided from. */
export async function gatherRotationFacts(server: ServerConfig, kind: AuthorityKind): Promise<RotationFacts> {
  const [trustDomain, answer, bundle] = await Promise.all([
    serverTrustDomain(server),
    answerAuthoritySlots(server, kind),
    getBundle(server),
  ]);
  const slots = answer.supported ? answer.slots : null;
  const own: BundleCopy = {
    kind: "server",
    label: `${server.name}'s own bundle`,
    server: server.name,
    trustDomain,
    authorities: heldAuthorities(bundle, kind),
    reason: null,
  };
  const agentFacts = kind === "x509" ? consoleAgentFacts(trustDomain) : { copies: [], signers: null };
  const [partners, configMaps, preparedRecord, activatedRecord, taintedRecord, revokedRecord, signer] =
    await Promise.all([
      partnerCopies(server, trustDomain, kind),
      configMapCopies(server, trustDomain, kind),
      lastStepRecord(server.name, kind, "prepare", (slots?.prepared ?? slots?.active)?.authorityId),
      lastStepRecord(server.name, kind, "activate", slots?.old ? slots.active?.authorityId : null),
      lastStepRecord(server.name, kind, "taint", slots?.old?.authorityId),
      lastStepRecord(server.name, kind, "revoke", slots?.old?.authorityId),
      kind === "x509" ? serverSvidSigner(server) : { expiresAt: null, reason: null },
    ]);
  const prepared = slots ? preparedTime(preparedRecord, kind, slots, bundle) : null;
  const atActivation = agentSerialsOf(activatedRecord);
  const atTaint = agentSerialsOf(taintedRecord);
  const needAgents = kind === "x509" && Boolean(slots?.old) && Boolean(atActivation ?? atTaint);
  return {
    server: server.name,
    trustDomain,
    kind,
    now: Date.now(),
    slots,
    unsupported: answer.supported ? null : answer.reason,
    copies: [own, ...partners, ...configMaps, ...agentFacts.copies],
    refreshHintSeconds: bundle.refreshHint > 0 ? bundle.refreshHint : DEFAULT_REFRESH_HINT_SECONDS,
    prepared: slots?.prepared || slots?.old ? prepared : null,
    activated: activatedRecord ? { at: new Date(activatedRecord.at).toISOString(), source: "console" } : null,
    tainted: taintedRecord ? { at: new Date(taintedRecord.at).toISOString(), source: "console" } : null,
    revoked: revokedRecord ? { at: new Date(revokedRecord.at).toISOString(), source: "console" } : null,
    records: stepRecords({
      prepare: preparedRecord,
      activate: activatedRecord,
      taint: taintedRecord,
      revoke: revokedRecord,
    }),
    serverSvidSignerExpiresAt: signer.expiresAt,
    serverSvidReason: signer.reason,
    consoleSvidSigners: agentFacts.signers,
    agentsAtActivation: atActivation ?? atTaint,
    agentSnapshotSource: atActivation ? "activation" : atTaint ? "taint" : null,
    agentsNow: needAgents ? toAgentSerials(await listAllAgents(server)) : null,
  };
}

/** The rotation cockpit of one kind on one server. */
export async function loadRotation(server: ServerConfig, kind: AuthorityKind): Promise<RotationView> {
  await authorize("expiry.read", { server: server.name });
  return planRotation(await gatherRotationFacts(server, kind));
}

/** The cockpit for every kind on one server (X.509, JWT, WIT). */
export async function loadRotations(server: ServerConfig): Promise<Record<AuthorityKind, RotationView>> {
  await authorize("expiry.read", { server: server.name });
  const [x509, jwt, wit] = await Promise.all(
    (["x509", "jwt", "wit"] as const).map(async (kind) => planRotation(await gatherRotationFacts(server, kind))),
  );
  return { x509: x509!, jwt: jwt!, wit: wit! };
}
