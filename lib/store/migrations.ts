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
];
