// The shapes @grpc/proto-loader hands us (camelCase fields, int64 as strings, enums as
// strings, defaults filled in). Only the fields the console reads are listed. These never
// leave lib/spire: mappers.ts turns them into the plain types of types.ts.

export type PbSpiffeId = { trustDomain: string; path: string };
export type PbSelector = { type: string; value: string };

export type PbEntry = {
  id: string;
  spiffeId: PbSpiffeId | null;
  parentId: PbSpiffeId | null;
  selectors: PbSelector[];
  x509SvidTtl: number;
  federatesWith: string[];
  admin: boolean;
  downstream: boolean;
  expiresAt: string;
  dnsNames: string[];
  revisionNumber: string;
  storeSvid: boolean;
  jwtSvidTtl: number;
  hint: string;
  createdAt: string;
  additionalAttributes?: { disableX509SvidPrefetch: boolean; jwtSvidIncludeJti: boolean } | null;
};

export type PbAgent = {
  id: PbSpiffeId | null;
  attestationType: string;
  x509svidSerialNumber: string;
  x509svidExpiresAt: string;
  selectors: PbSelector[];
  banned: boolean;
  canReattest: boolean;
  agentVersion: string;
};

export type PbBundle = {
  trustDomain: string;
  x509Authorities: { asn1: Buffer; tainted: boolean }[];
  jwtAuthorities: { publicKey: Buffer; keyId: string; expiresAt: string; tainted: boolean }[];
  witAuthorities?: { publicKey: Buffer; keyId: string; expiresAt: string; tainted: boolean }[];
  refreshHint: string;
  sequenceNumber: string;
};

export type PbFederationRelationship = {
  trustDomain: string;
  bundleEndpointUrl: string;
  bundleEndpointProfile?: "httpsWeb" | "httpsSpiffe";
  httpsSpiffe?: { endpointSpiffeId: string } | null;
  httpsWeb?: object | null;
  trustDomainBundle: PbBundle | null;
};

export type PbStatus = { code: number; message: string };

export type PbGetInfoResponse = {
  svidChain: { id: PbSpiffeId | null; expiresAt: string; subject: string }[];
  uptime: number;
  agentsCount: number;
  federatedBundlesCount: number;
  entriesCount: number;
};

export type PbAuthorityState = { authorityId: string; expiresAt: string; upstreamAuthoritySubjectKeyId: string };

export type PbAuthorityStateResponse = {
  active: PbAuthorityState | null;
  prepared: PbAuthorityState | null;
  old: PbAuthorityState | null;
};
