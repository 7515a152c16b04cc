import "server-only";

import { randomUUID } from "node:crypto";

import type { SqlDriver } from "./driver";
import type { IndexSnapshotMeta, IndexSnapshotRepository } from "./index-snapshot-types";

type SnapshotRow = {
  server: string;
  trust_domain: string;
  built_at: number;
  saved_at: number;
  entries: number;
  data: Uint8Array;
  generation: string | null;
  pieces: number;
};

const NO_BYTES = new Uint8Array(0);

/**
 * Saved entry indexes, one per server (the newest replaces the last), their bytes in numbered
 * pieces of one generation; one SQL text serves both back-ends. Rows saved before the pieces keep
 * their bytes in `data` and are still read.
 */
export function createIndexSnapshotRepository(db: SqlDriver): IndexSnapshotRepository {
  const removeGeneration = (server: string, generation: string) =>
    db.execute("DELETE FROM entry_index_snapshot_pieces WHERE server = $1 AND generation = $2", [server, generation]);
  return {
    async save(meta: IndexSnapshotMeta, pieces) {
      const generation = randomUUID();
      let seq = 0;
      try {
        for await (const piece of pieces)
          await db.execute(
            "INSERT INTO entry_index_snapshot_pieces (server, generation, seq, data) VALUES ($1, $2, $3, $4)",
            [meta.server, generation, seq++, piece],
          );
      } catch (error) {
        await removeGeneration(meta.server, generation).catch(() => undefined);
        throw error;
      }
      await db.transaction(async (tx) => {
        // Another save of the server that finished meanwhile removed these pieces: that one stays.
        const written = await tx.query<{ n: number }>(
          "SELECT COUNT(*) AS n FROM entry_index_snapshot_pieces WHERE server = $1 AND generation = $2",
          [meta.server, generation],
        );
        if (Number(written[0]?.n) !== seq)
          throw new Error(`another save of the entry index of ${meta.server} replaced this one while it was written`);
        await tx.execute(
          `INSERT INTO entry_index_snapshots
              (server, trust_domain, built_at, saved_at, entries, data, generation, pieces)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (server) DO UPDATE SET trust_domain = $2, built_at = $3, saved_at = $4, entries = $5,
              data = $6, generation = $7, pieces = $8`,
          [meta.server, meta.trustDomain, meta.builtAt, meta.savedAt, meta.entries, NO_BYTES, generation, seq],
        );
        // The previous generations (and pieces a save that died left behind) go with the switch.
        await tx.execute("DELETE FROM entry_index_snapshot_pieces WHERE server = $1 AND generation <> $2", [
          meta.server,
          generation,
        ]);
      });
    },
    async read(server) {
      const rows = await db.query<SnapshotRow>(
        `SELECT server, trust_domain, built_at, saved_at, entries, data, generation, pieces
          FROM entry_index_snapshots WHERE server = $1`,
        [server],
      );
      const row = rows[0];
      if (!row) return null;
      const meta: IndexSnapshotMeta = {
        server: row.server,
        trustDomain: row.trust_domain,
        builtAt: Number(row.built_at),
        savedAt: Number(row.saved_at),
        entries: Number(row.entries),
      };
      const { generation } = row;
      const count = Number(row.pieces);
      async function* pieces(): AsyncGenerator<Uint8Array> {
        if (generation === null) {
          yield row!.data;
          return;
        }
        for (let seq = 0; seq < count; seq++) {
          const piece = await db.query<{ data: Uint8Array }>(
            "SELECT data FROM entry_index_snapshot_pieces WHERE server = $1 AND generation = $2 AND seq = $3",
            [server, generation, seq],
          );
          if (!piece[0])
            throw new Error(
              `the saved entry index of ${server} lost piece ${seq + 1} of ${count} (replaced meanwhile)`,
            );
          yield piece[0].data;
        }
      }
      return { ...meta, pieces: pieces() };
    },
    async delete(server) {
      await db.execute("DELETE FROM entry_index_snapshot_pieces WHERE server = $1", [server]);
      return (await db.execute("DELETE FROM entry_index_snapshots WHERE server = $1", [server])) > 0;
    },
  };
}
