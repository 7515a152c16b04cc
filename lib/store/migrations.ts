import "server-only";

/** One schema change: portable SQL (TEXT, BIGINT, no SERIAL; JSON as TEXT), one statement per item. */
export type Migration = { version: number; name: string; up: readonly string[] };

/** The store's schema history, oldest first. Never edit a released migration: add a new one. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "sessions, API tokens and the heartbeat",
    up: [
      `CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        subject TEXT NOT NULL,
        issuer TEXT NOT NULL,
        name TEXT NOT NULL,
        email TEXT,
        groups TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('oidc', 'proxy')),
        id_token TEXT,
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      )`,
      "CREATE INDEX sessions_expires_at ON sessions (expires_at)",
      "CREATE INDEX sessions_last_seen_at ON sessions (last_seen_at)",
      `CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        secret_hash TEXT NOT NULL UNIQUE,
        bindings TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT,
        revoked_at BIGINT,
        last_used_at BIGINT
      )`,
      "CREATE INDEX api_tokens_created_at ON api_tokens (created_at)",
      "CREATE TABLE store_heartbeat (id TEXT PRIMARY KEY, written_at BIGINT NOT NULL)",
    ],
  },
  {
    version: 2,
    name: "the audit log: one hash-chained record per change and security event",
    up: [
      `CREATE TABLE audit_log (
        seq BIGINT PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        at BIGINT NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('intent', 'result', 'event')),
        intent_id TEXT,
        batch_id TEXT,
        request_id TEXT,
        replica_id TEXT NOT NULL,
        actor TEXT,
        actor_subject TEXT,
        client_address TEXT,
        server TEXT,
        trust_domain TEXT,
        action TEXT NOT NULL,
        target_type TEXT NOT NULL,
        target_id TEXT,
        target_spiffe_id TEXT,
        before_json TEXT,
        after_json TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'ok', 'denied', 'error')),
        error_code TEXT,
        error_message TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      )`,
      "CREATE INDEX audit_log_at ON audit_log (at)",
      "CREATE INDEX audit_log_target ON audit_log (target_type, target_id)",
      "CREATE INDEX audit_log_actor ON audit_log (actor_subject)",
      "CREATE INDEX audit_log_intent ON audit_log (intent_id)",
      "CREATE INDEX audit_log_action ON audit_log (action)",
      `CREATE TABLE audit_state (
        id TEXT PRIMARY KEY,
        anchor_seq BIGINT NOT NULL,
        anchor_hash TEXT NOT NULL,
        head_seq BIGINT NOT NULL,
        head_hash TEXT NOT NULL,
        last_prune_at BIGINT
      )`,
    ],
  },
  {
    version: 3,
    name: "saved entry indexes: a restarted console serves the last one while it walks SPIRE again",
    up: [
      // BYTEA is PostgreSQL's binary type; SQLite stores the bytes as they are under any type name.
      `CREATE TABLE entry_index_snapshots (
        server TEXT PRIMARY KEY,
        trust_domain TEXT NOT NULL,
        built_at BIGINT NOT NULL,
        saved_at BIGINT NOT NULL,
        entries BIGINT NOT NULL,
        data BYTEA NOT NULL
      )`,
    ],
  },
  {
    version: 4,
    name: "signed checkpoints of the audit chain: its anchor and head, signed with a key kept outside the database",
    up: [
      `CREATE TABLE audit_checkpoints (
        id TEXT PRIMARY KEY,
        at BIGINT NOT NULL,
        replica_id TEXT NOT NULL,
        anchor_seq BIGINT NOT NULL,
        anchor_hash TEXT NOT NULL,
        head_seq BIGINT NOT NULL,
        head_hash TEXT NOT NULL,
        key_id TEXT NOT NULL,
        signature TEXT NOT NULL
      )`,
      "CREATE INDEX audit_checkpoints_head ON audit_checkpoints (head_seq)",
    ],
  },
  {
    version: 5,
    name: "entry plans: saved plans of entries-as-code files, applied exactly as saved",
    up: [
      `CREATE TABLE entry_plans (
        id TEXT PRIMARY KEY,
        server TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        status TEXT NOT NULL,
        applied_at BIGINT,
        body TEXT NOT NULL,
        result TEXT
      )`,
      "CREATE INDEX entry_plans_server_created ON entry_plans (server, created_at)",
    ],
  },
  {
    version: 6,
    name: "used login states: a sealed login state is single-use across every replica, not just the one that saw it",
    up: [
      `CREATE TABLE used_login_states (
        state_hash TEXT PRIMARY KEY,
        expires_at BIGINT NOT NULL
      )`,
      "CREATE INDEX used_login_states_expires ON used_login_states (expires_at)",
    ],
  },
  {
    version: 7,
    name: "alerts: rules, sinks and silences (JSON bodies), alert states for de-duplication, and the delivery log",
    up: [
      "CREATE TABLE alert_rules (id TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at BIGINT NOT NULL)",
      "CREATE TABLE alert_sinks (id TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at BIGINT NOT NULL)",
      "CREATE TABLE alert_silences (id TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at BIGINT NOT NULL)",
      `CREATE TABLE alert_states (
        fingerprint TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        last_sent_at BIGINT,
        body TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
      `CREATE TABLE alert_deliveries (
        id TEXT PRIMARY KEY,
        at BIGINT NOT NULL,
        sink_id TEXT NOT NULL,
        body TEXT NOT NULL
      )`,
      "CREATE INDEX alert_deliveries_at ON alert_deliveries (at)",
    ],
  },
  {
    version: 8,
    name: "no-identity suppressions: rules hiding a namespace's or a label's pods of one cluster",
    up: ["CREATE TABLE identity_suppressions (id TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at BIGINT NOT NULL)"],
  },
  {
    version: 9,
    name: "saved entry indexes in pieces: written one at a time, so no copy of the whole index is held to save it",
    up: [
      `CREATE TABLE entry_index_snapshot_pieces (
        server TEXT NOT NULL,
        generation TEXT NOT NULL,
        seq BIGINT NOT NULL,
        data BYTEA NOT NULL,
        PRIMARY KEY (server, generation, seq)
      )`,
      // A row with a generation keeps its bytes in that generation's pieces (and none in data).
      "ALTER TABLE entry_index_snapshots ADD COLUMN generation TEXT",
      "ALTER TABLE entry_index_snapshots ADD COLUMN pieces BIGINT NOT NULL DEFAULT 0",
    ],
  },
];
