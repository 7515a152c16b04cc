import "server-only";

import type { SqlExecutor } from "./driver";
import type { IndexSnapshotRecord, IndexSnapshotRepository } from "./types";

type SnapshotRow = {
  server: string;
  trust_domain: string;
  built_at: number;
  saved_at: number;
  entries: number;
  data: Uint8Array;
};

/** Saved entry indexes, one per server (the newest replaces the last); one SQL text serves both back-ends. */
export function createIndexSnapshotRepository(db: SqlExecutor): IndexSnapshotRepository {
  return {
    async save(s) {
      await db.execute(
        `INSERT INTO entry_index_snapshots (server, trust_domain, built_at, saved_at, entries, data)
          VALUES ($1, $2, $3, $4, $5, $6)
          ON CONFLICT (server) DO UPDATE SET trust_domain = $2, built_at = $3, saved_at = $4, entries = $5, data = $6`,
        [s.server, s.trustDomain, s.builtAt, s.savedAt, s.entries, s.data],
      );
    },
    async load(server) {
      const rows = await db.query<SnapshotRow>(
        `SELECT server, trust_domain, built_at, saved_at, entries, data FROM entry_index_snapshots WHERE server = $1`,
        [server],
      );
      const row = rows[0];
      if (!row) return null;
      const record: IndexSnapshotRecord = {
        server: row.server,
        trustDomain: row.trust_domain,
        builtAt: Number(row.built_at),
        savedAt: Number(row.saved_at),
        entries: Number(row.entries),
        data: row.data,
      };
      return record;
    },
    async delete(server) {
      return (await db.execute("DELETE FROM entry_index_snapshots WHERE server = $1", [server])) > 0;
    },
  };
}
