// Plain types the console uses for SPIRE data. Nothing here is a protobuf object: SPIFFE IDs
// are `spiffe://` strings, times are ISO-8601 strings (or null when SPIRE reports none).

export type Selector = { type: string; value: string };

export type SelectorMatchMode = "exact" | "subset" | "superset" | "any";

/** Per-entry agent behaviour (SPIRE 1.15 `Entry.AdditionalAttributes`); both false when unset. */
export type EntryAdditionalAttributes = {
  /** The agent does not prefetch and cache this entry's X509-SVID; it is minted on request. */
  disableX509SvidPrefetch: boolean;
  /** JWT-SVIDs carry a unique `jti` claim and bypass the agent's JWT-SVID cache. */
  jwtSvidIncludeJti: boolean;
};

export type Entry = {
  id: string;
  spiffeId: string;
  parentId: string;
  selectors: Selector[];
  /** X.509-SVID TTL in seconds; 0 means the server default. */
  x509SvidTtl: number;
  /** JWT-SVID TTL in seconds; 0 means the server default. */
  jwtSvidTtl: number;
  federatesWith: string[];
  dnsNames: string[];
  admin: boolean;
  downstream: boolean;
  hint: string;
  storeSvid: boolean;
  /** When the entry itself expires, or null for never. */
  expiresAt: string | null;
  createdAt: string | null;
  revisionNumber: number;
  additionalAttributes: EntryAdditionalAttributes;
};

export type EntryFilters = {
  spiffeId?: string;
  parentId?: string;
  selectors?: Selector[];
  match?: SelectorMatchMode;
  federatesWith?: string[];
  federatesWithMatch?: SelectorMatchMode;
  hint?: string;
  downstream?: boolean;
  /** Part of a SPIFFE ID (any case). The console applies it to its entry index; SPIRE has no such filter. */
  spiffeIdContains?: string;
};

export type Agent = {
  spiffeId: string;
  attestationType: string;
  x509SvidSerialNumber: string;
  x509SvidExpiresAt: string | null;
  selectors: Selector[];
  banned: boolean;
  canReattest: boolean;
  agentVersion: string;
};

export type AgentFilters = {
  attestationType?: string;
  banned?: boolean;
  canReattest?: boolean;
  /** ISO-8601 time: agents whose SVID expires before it. */
  expiresBefore?: string;
  selectors?: Selector[];
  match?: SelectorMatchMode;
  /** Part of the agent's SPIFFE ID (any case), applied by the console; SPIRE has no such filter. */
  spiffeIdContains?: string;
};

export type X509Authority = {
  subject: string;
  notBefore: string | null;
  notAfter: string | null;
  tainted: boolean;
  /** Hex SHA-256 of the DER certificate, to tell authorities apart. */
  fingerprint: string;
  /** Subject Key Identifier in lowercase hex: SPIRE's authority ID for this CA ("" when absent). */
  subjectKeyId: string;
};

export type JwtAuthority = { keyId: string; expiresAt: string | null; tainted: boolean };

/** A WIT-SVID signing key of the bundle (SPIRE 1.15 `wit_authorities`). */
export type WitAuthority = JwtAuthority;

export type Bundle = {
  trustDomain: string;
  x509Authorities: X509Authority[];
  jwtAuthorities: JwtAuthority[];
  witAuthorities: WitAuthority[];
  /** Seconds between refreshes the bundle publisher suggests; 0 when unset. */
  refreshHint: number;
  sequenceNumber: string;
};

export type BundleEndpointProfile =
  { type: "https_spiffe"; endpointSpiffeId: string } | { type: "https_web" } | { type: "unknown" };

export type FederationRelationship = {
  trustDomain: string;
  bundleEndpointUrl: string;
  profile: BundleEndpointProfile;
  /** The bundle the server currently holds for that trust domain, if any. */
  bundle: Bundle | null;
};

export type Page<T> = { items: T[]; nextPageToken: string };

/** The Debug API's view of a server; uptime and counts are null over TCP (Debug is local-only). */
export type ServerInfo = {
  uptimeSeconds: number | null;
  agentsCount: number | null;
  entriesCount: number | null;
  federatedBundlesCount: number | null;
  svidChain: { spiffeId: string; subject: string; expiresAt: string | null }[];
};

/** What `GET /api/servers` reports for one configured server. */
export type ServerSummary = {
  name: string;
  address: string;
  trustDomain: string | null;
  expectedTrustDomain: string | null;
  healthy: boolean;
  uptimeSeconds: number | null;
  counts: { entries: number; agents: number; federatedBundles: number } | null;
  /** Where the entry count came from: this replica's entry index (as the tree counts) or SPIRE's CountEntries. */
  entriesCountedBy: "index" | "spire" | null;
  serverSvidExpiresAt: string | null;
  error: { code: string; message: string } | null;
};

/** One slot of a server's local CA (LocalAuthority API). */
export type AuthorityState = {
  /** Subject key ID (X.509) or key ID (JWT) of the authority. */
  authorityId: string;
  expiresAt: string | null;
  upstreamAuthoritySubjectKeyId: string;
};

export type AuthoritySlots = {
  active: AuthorityState | null;
  prepared: AuthorityState | null;
  old: AuthorityState | null;
};

export type AuthorityKind = "x509" | "jwt" | "wit";

/** A kind's slots, or why the server gave none (e.g. SPIRE 1.15 answers Unimplemented for WIT). */
export type AuthorityStateAnswer = { supported: true; slots: AuthoritySlots } | { supported: false; reason: string };

/**
 * The server's X.509 and JWT authorities, as `spire-server localauthority x509|jwt show` prints
 * them, and its WIT authorities where the server implements them.
 */
export type LocalAuthorities = { x509: AuthoritySlots; jwt: AuthoritySlots; wit: AuthorityStateAnswer };
