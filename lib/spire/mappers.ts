import "server-only";

import { X509Certificate } from "node:crypto";

import { subjectKeyIdOf } from "@/lib/spiffe/key-ids";

import type { PbAgent, PbBundle, PbEntry, PbFederationRelationship, PbSpiffeId } from "./proto-types";
import type { Agent, Bundle, Entry, FederationRelationship, X509Authority } from "./types";

/** Selectors are a set; SPIRE returns them in storage order, so sort them for a stable view. */
function toSelectors(selectors: { type: string; value: string }[]): { type: string; value: string }[] {
  return selectors
    .map(({ type, value }) => ({ type, value }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.value.localeCompare(b.value));
}

/** `{ trustDomain, path }` → `spiffe://td/path` ("" when SPIRE sent none). */
export function toSpiffeIdString(id: PbSpiffeId | null | undefined): string {
  return id ? `spiffe://${id.trustDomain}${id.path}` : "";
}

/** `spiffe://td/path` → `{ trustDomain, path }` (the caller validated the string). */
export function toPbSpiffeId(id: string): PbSpiffeId {
  const rest = id.slice("spiffe://".length);
  const slash = rest.indexOf("/");
  return slash === -1
    ? { trustDomain: rest, path: "" }
    : { trustDomain: rest.slice(0, slash), path: rest.slice(slash) };
}

/** Epoch seconds (int64 as string) → ISO-8601, or null for 0 / unset. */
export function toIsoTime(epochSeconds: string | number | undefined): string | null {
  const seconds = Number(epochSeconds ?? 0);
  return seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
}

export function toEntry(pb: PbEntry): Entry {
  return {
    id: pb.id,
    spiffeId: toSpiffeIdString(pb.spiffeId),
    parentId: toSpiffeIdString(pb.parentId),
    selectors: toSelectors(pb.selectors),
    x509SvidTtl: pb.x509SvidTtl,
    jwtSvidTtl: pb.jwtSvidTtl,
    federatesWith: [...pb.federatesWith],
    dnsNames: [...pb.dnsNames],
    admin: pb.admin,
    downstream: pb.downstream,
    hint: pb.hint,
    storeSvid: pb.storeSvid,
    expiresAt: toIsoTime(pb.expiresAt),
    createdAt: toIsoTime(pb.createdAt),
    revisionNumber: Number(pb.revisionNumber),
    additionalAttributes: {
      disableX509SvidPrefetch: pb.additionalAttributes?.disableX509SvidPrefetch ?? false,
      jwtSvidIncludeJti: pb.additionalAttributes?.jwtSvidIncludeJti ?? false,
    },
  };
}

export function toAgent(pb: PbAgent): Agent {
  return {
    spiffeId: toSpiffeIdString(pb.id),
    attestationType: pb.attestationType,
    x509SvidSerialNumber: pb.x509svidSerialNumber,
    x509SvidExpiresAt: toIsoTime(pb.x509svidExpiresAt),
    selectors: toSelectors(pb.selectors),
    banned: pb.banned,
    canReattest: pb.canReattest,
    agentVersion: pb.agentVersion,
  };
}

function toX509Authority(asn1: Buffer, tainted: boolean): X509Authority {
  try {
    const cert = new X509Certificate(asn1);
    return {
      subject: cert.subject.replace(/\n/g, ", "),
      notBefore: cert.validFromDate.toISOString(),
      notAfter: cert.validToDate.toISOString(),
      tainted,
      fingerprint: cert.fingerprint256.replace(/:/g, "").toLowerCase(),
      subjectKeyId: subjectKeyIdOf(asn1) ?? "",
    };
  } catch {
    const unparseable = { subject: "(unparseable certificate)", notBefore: null, notAfter: null, fingerprint: "" };
    return { ...unparseable, tainted, subjectKeyId: "" };
  }
}

const toKeyAuthority = (a: { keyId: string; expiresAt: string; tainted: boolean }) => ({
  keyId: a.keyId,
  expiresAt: toIsoTime(a.expiresAt),
  tainted: a.tainted,
});

export function toBundle(pb: PbBundle): Bundle {
  return {
    trustDomain: pb.trustDomain,
    x509Authorities: pb.x509Authorities.map((a) => toX509Authority(a.asn1, a.tainted)),
    jwtAuthorities: pb.jwtAuthorities.map(toKeyAuthority),
    witAuthorities: (pb.witAuthorities ?? []).map(toKeyAuthority),
    refreshHint: Number(pb.refreshHint),
    sequenceNumber: String(pb.sequenceNumber),
  };
}

export function toFederationRelationship(pb: PbFederationRelationship): FederationRelationship {
  const profile: FederationRelationship["profile"] =
    pb.bundleEndpointProfile === "httpsSpiffe"
      ? { type: "https_spiffe", endpointSpiffeId: pb.httpsSpiffe?.endpointSpiffeId ?? "" }
      : pb.bundleEndpointProfile === "httpsWeb"
        ? { type: "https_web" }
        : { type: "unknown" };
  return {
    trustDomain: pb.trustDomain,
    bundleEndpointUrl: pb.bundleEndpointUrl,
    profile,
    bundle: pb.trustDomainBundle && pb.trustDomainBundle.trustDomain ? toBundle(pb.trustDomainBundle) : null,
  };
}

/** A relationship to create or update, as `types.FederationRelationship` (the profile a oneof). */
export function toPbFederationRelationship(relationship: {
  trustDomain: string;
  bundleEndpointUrl: string;
  profile: { type: "https_web" } | { type: "https_spiffe"; endpointSpiffeId: string };
}): Record<string, unknown> {
  const profile =
    relationship.profile.type === "https_spiffe"
      ? { httpsSpiffe: { endpointSpiffeId: relationship.profile.endpointSpiffeId } }
      : { httpsWeb: {} };
  return { trustDomain: relationship.trustDomain, bundleEndpointUrl: relationship.bundleEndpointUrl, ...profile };
}
