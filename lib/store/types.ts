import type { AlertRule, AlertSilence, AlertSink, AlertState, DeliveryAttempt } from "@/lib/alerts/types";
import type { IdentitySuppression } from "@/lib/no-identity/suppression";

import type { IndexSnapshotRepository } from "./index-snapshot-types";
import type { StoreNotifications } from "./notifications";

// Plain records of the console's own store (sessions, API tokens). Times are epoch milliseconds.

/** Which database holds the store. */
export type StoreKind = "sqlite" | "postgres";

/** How a session's user signed in. */
export type SessionMethod = "oidc" | "proxy";

/** A signed-in user's session. Only the SHA-256 of the cookie value is stored, never the value. */
export type SessionRecord = {
  /** SHA-256 hex of the opaque cookie value. */
  idHash: string;
  subject: string;
  issuer: string;
  name: string;
  email: string | null;
  groups: string[];
  method: SessionMethod;
  /** The OpenID provider's ID token, kept server-side for RP-initiated logout only. */
  idToken: string | null;
  createdAt: number;
  lastSeenAt: number;
  /** Absolute end of the session, whatever its activity. */
  expiresAt: number;
};

/**
 * An API token as stored. `secretHash` is the SHA-256 hex of the secret; `bindings` is whatever
 * JSON was stored (callers validate it), or null when the stored text is not JSON.
 */
export type ApiTokenRecord = {
  id: string;
  name: string;
  secretHash: string;
  bindings: unknown;
  createdBy: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
};

/** An API token without its secret hash: what lists and pages get. */
export type ApiTokenSummary = Omit<ApiTokenRecord, "secretHash">;

/** What creating an API token takes: a new token is neither revoked nor used. */
export type NewApiToken = Omit<ApiTokenRecord, "revokedAt" | "lastUsedAt">;

/** Sessions of signed-in users. */
export interface SessionRepository {
  /** Stores a new session (the ID hash must be new). */
  create(session: SessionRecord): Promise<void>;
  /** The session with this ID hash, or null. Expiry is the caller's decision. */
  get(idHash: string): Promise<SessionRecord | null>;
  /** Records activity at `at` (never moves it back); false when there is no such session. */
  touch(idHash: string, at: number): Promise<boolean>;
  /** Deletes the session; false when there was none. */
  delete(idHash: string): Promise<boolean>;
  /** Deletes sessions past their absolute end or idle for `idleMs` or longer; returns how many. */
  deleteExpired(now: number, idleMs: number): Promise<number>;
  /** Deletes every session of the user `subject` (of `issuer`, when given); returns how many. */
  deleteForSubject(subject: string, issuer?: string): Promise<number>;
}

/** API tokens. */
export interface TokenRepository {
  /** Stores a new token (ID and secret hash must be new). */
  create(token: NewApiToken): Promise<void>;
  /** Every token, newest first, without secret hashes. */
  list(): Promise<ApiTokenSummary[]>;
  /** One token without its secret hash, or null. */
  get(id: string): Promise<ApiTokenSummary | null>;
  /** The token whose secret has this SHA-256 hex, revoked and expired ones included, or null. */
  findBySecretHash(secretHash: string): Promise<ApiTokenRecord | null>;
  /** Marks the token revoked at `at`; false when it was already revoked or does not exist. */
  revoke(id: string, at: number): Promise<boolean>;
  /** Records a use at `at`; skips the write (false) when the stored last use is under 60 s old. */
  touch(id: string, at: number): Promise<boolean>;
}

/** Who did something, as the audit log keeps it (copied at the time: later role changes do not rewrite it). */
export type AuditActor = {
  /** `system` for what the console does by itself (the daily retention run). */
  kind: "user" | "token" | "system";
  method: string;
  issuer: string;
  subject: string;
  name: string;
  groups: string[];
  tokenId: string | null;
};

/** `intent` before a change is sent, its `result` after; `event` for what happens at once (sign-in, a denial). */
export type AuditPhase = "intent" | "result" | "event";
export type AuditOutcome = "pending" | "ok" | "denied" | "error";

/** An audit record as written; the store adds its place in the chain. */
export type NewAuditRecord = {
  /** A ULID: sortable by time. */
  id: string;
  at: number;
  phase: AuditPhase;
  /** For a result: the intent it completes. */
  intentId: string | null;
  /** Shared by the records of one batch request. */
  batchId: string | null;
  requestId: string | null;
  replicaId: string;
  /** Null when nobody could be identified (e.g. an invalid token). */
  actor: AuditActor | null;
  /** From the TCP peer, or from a trusted proxy's X-Forwarded-For. */
  clientAddress: string | null;
  server: string | null;
  trustDomain: string | null;
  /** e.g. `entry.create`, `agent.ban`, `auth.sign-in`, `auth.denied`. */
  action: string;
  target: { type: string; id: string | null; spiffeId: string | null };
  before: unknown;
  after: unknown;
  outcome: AuditOutcome;
  error: { code: string; message: string } | null;
};

/** A stored audit record: its sequence number in the chain, the previous record's hash and its own. */
export type AuditRecord = NewAuditRecord & { seq: number; prevHash: string; hash: string };

/** Filters of the audit log; text filters match substrings, times are inclusive epoch ms. */
export type AuditFilter = {
  actor?: string;
  server?: string;
  action?: string;
  target?: string;
  targetType?: string;
  targetId?: string;
  outcome?: AuditOutcome;
  /** Only these phases (default: all). */
  phases?: readonly AuditPhase[];
  from?: number;
  to?: number;
};

/** Where the chain starts: the genesis, or the last record removed by retention. */
export type AuditAnchor = { seq: number; hash: string };

/**
 * The chain's anchor and head at `at`, signed (Ed25519, base64) with a key that is not in the database,
 * so records removed or rewritten after it was signed no longer match it.
 */
export type AuditCheckpoint = {
  /** A ULID. */
  id: string;
  at: number;
  replicaId: string;
  anchor: AuditAnchor;
  head: AuditAnchor;
  /** The first 16 hex digits of the SHA-256 of the public key (SPKI DER). */
  keyId: string;
  signature: string;
};

/** What a retention prune did; the store appends the prune's own record in the same transaction. */
export type AuditPrune = { deleted: number; previousAnchor: AuditAnchor; anchor: AuditAnchor };

/** The audit log: append-only, hash-chained (each record carries the hash of the one before). */
export interface AuditRepository {
  /** Appends records in order, in one transaction under the chain's lock; returns them as stored. */
  append(records: readonly NewAuditRecord[]): Promise<AuditRecord[]>;
  /** Records matching `filter`, newest first, `limit` at most, older than `beforeSeq` when given. */
  list(filter: AuditFilter, page: { limit: number; beforeSeq?: number }): Promise<AuditRecord[]>;
  /** Records after `afterSeq` in chain order, `limit` at most (for verifying and exporting). */
  walk(afterSeq: number, limit: number): Promise<AuditRecord[]>;
  /** The chain's anchor (genesis, or where retention cut it). */
  anchor(): Promise<AuditAnchor>;
  /** The last record appended, as the chain's state remembers it (to notice records removed at the end). */
  head(): Promise<AuditAnchor>;
  /**
   * Deletes records older than `cutoff`, moving the anchor to the last one deleted, and appends the
   * prune's record (`describe` of what it did) in the same transaction, so every anchor move is recorded.
   */
  pruneOlderThan(
    cutoff: number,
    describe: (prune: AuditPrune) => NewAuditRecord,
  ): Promise<AuditPrune & { record: AuditRecord }>;
  /** Stores a signed checkpoint (and forgets those that cover only pruned records). */
  addCheckpoint(checkpoint: AuditCheckpoint): Promise<void>;
  /** Every stored checkpoint, oldest first. */
  checkpoints(): Promise<AuditCheckpoint[]>;
  /** When retention last ran (any replica), or null. */
  lastPruneAt(): Promise<number | null>;
  /** Claims today's retention run: true for exactly one caller per `everyMs` across replicas. */
  claimPrune(now: number, everyMs: number): Promise<boolean>;
}

/** A saved entries-as-code plan: its JSON body as stored, and how far it got. */
export type PlanRecord = {
  id: string;
  server: string;
  createdAt: number;
  /** planned, applying, applied, partial or failed. */
  status: string;
  appliedAt: number | null;
  /** The plan as JSON (lib/entries-as-code validates what it reads back). */
  body: unknown;
  /** The apply result as JSON, once applied. */
  result: unknown;
};

/** Saved plans, one row each. */
export interface PlanRepository {
  save(plan: Omit<PlanRecord, "appliedAt" | "result">): Promise<void>;
  /** The plan of `server` with this ID, or null. */
  get(server: string, id: string): Promise<PlanRecord | null>;
  /** Moves a plan from status `from` to `to`; false when it was not in `from` (another apply took it). */
  transition(id: string, from: string, to: string, at: number, result?: unknown): Promise<boolean>;
  /** The newest plans of `server` with one of `statuses` (all when empty), without their bodies. */
  list(server: string, statuses: readonly string[], limit: number): Promise<Omit<PlanRecord, "body">[]>;
}

/** Login states already presented at /auth/callback, by SHA-256 of the state, kept until they expire. */
export interface LoginStateRepository {
  /**
   * Records the state's hash as used until `expiresAt`, after deleting those expired at `now`; false
   * when it was already recorded (a replayed callback, at this replica or any other).
   */
  consume(stateHash: string, expiresAt: number, now: number): Promise<boolean>;
}

/** Items kept as JSON bodies by ID. */
export interface JsonTable<T extends { id: string }> {
  /** Every item, by ID. */
  list(): Promise<T[]>;
  get(id: string): Promise<T | null>;
  /** Stores the item, replacing the one with its ID. */
  put(item: T, at: number): Promise<void>;
  /** False when there was none. */
  delete(id: string): Promise<boolean>;
}

/** The alert engine's rules, sinks, silences, alert states and delivery log. */
export interface AlertRepository {
  rules: JsonTable<AlertRule>;
  sinks: JsonTable<AlertSink>;
  silences: JsonTable<AlertSilence>;
  /** Every kept alert state (firing, and resolved ones not yet pruned). */
  states(): Promise<AlertState[]>;
  /**
   * Stores `next` only if the stored state still is `expected` (same status and last send; none when null):
   * of several replicas evaluating at once, one wins each change, and only the winner sends it.
   */
  putState(next: AlertState, expected: AlertState | null, at: number): Promise<boolean>;
  /** Forgets resolved states last changed before `before`; returns how many. */
  pruneResolved(before: number): Promise<number>;
  /** Appends one delivery attempt to the log. */
  addAttempt(attempt: DeliveryAttempt): Promise<void>;
  /** The newest `limit` attempts, newest first. */
  attempts(limit: number): Promise<DeliveryAttempt[]>;
  /** Forgets attempts older than `before`; returns how many. */
  pruneAttempts(before: number): Promise<number>;
}

/** The console's store, opened and migrated. */
export interface ConsoleStore {
  kind: StoreKind;
  sessions: SessionRepository;
  loginStates: LoginStateRepository;
  tokens: TokenRepository;
  audit: AuditRepository;
  indexSnapshots: IndexSnapshotRepository;
  plans: PlanRepository;
  alerts: AlertRepository;
  /** Rules that hide pods from the list of workloads with no identity. */
  identitySuppressions: JsonTable<IdentitySuppression>;
  /** Messages between replicas (LISTEN/NOTIFY on PostgreSQL; in-process on SQLite). */
  notifications: StoreNotifications;
  /** Really writes a row; throws StoreUnavailableError when the store cannot be written. */
  checkWritable(): Promise<void>;
  /** Closes the database connection(s); the store cannot be used afterwards. */
  close(): Promise<void>;
}

/** Where the store lives. */
export type OpenStoreOptions = {
  /** postgres:// or postgresql:// URL; when absent, SQLite at `<dataDir>/console.sqlite`. */
  databaseUrl?: string;
  dataDir: string;
  /** Clock for the times the store writes itself (migrations, heartbeat); defaults to Date.now. */
  now?: () => number;
};
