// What the rules are evaluated against: one server's state as the console read it in one evaluation. A part that
// could not be read is null (its rules raise nothing for it; the server-down rule covers an unreachable server).

export type AuthoritySignal = {
  kind: "x509" | "jwt";
  slot: "active" | "prepared";
  authorityId: string;
  expiresAt: string | null;
};

export type FederationSignal = {
  trustDomain: string;
  /** When the bundle's X.509 authorities stop being valid (the latest one's notAfter); null when it has none. */
  validUntil: string | null;
  /** Why the bundle is considered stale or failing beyond its contents (a failed fetch), or null. */
  problem: string | null;
};

export type AgentSignal = { spiffeId: string; expiresAt: string | null; canReattest: boolean; banned: boolean };

/** Failed node attestations in the last five minutes; `byStatus` as read (telemetry: totals since start). */
export type AttestationSignal = {
  failed: number;
  byStatus: Record<string, number>;
  source: "prometheus" | "telemetry";
};

export type EntrySetSignal = { name: string; state: string; changes: number; error: string | null };

export type ServerSignals = {
  server: string;
  /** False when the server's health check failed; `downReason` says why. */
  up: boolean;
  downReason: string | null;
  authorities: AuthoritySignal[] | null;
  federation: FederationSignal[] | null;
  agents: AgentSignal[] | null;
  /** The entry index: its state and the last walk's failure, if any. */
  index: { state: string; failure: string | null } | null;
  entrySets: EntrySetSignal[];
  /** Null when SPIRE's metrics cannot be read (no Prometheus and no servers[].telemetry, or they failed). */
  attestations: AttestationSignal | null;
};
