import "server-only";

import type { SqlExecutor } from "./driver";
import { parseJson } from "./parse-json";
import type { JsonTable } from "./types";

type BodyRow = { body: string };

/**
 * A table of JSON bodies by ID (`id TEXT PRIMARY KEY, body TEXT, updated_at BIGINT`): the feature that
 * owns it validates what it writes. One SQL text serves both back-ends.
 */
export function jsonTable<T extends { id: string }>(db: SqlExecutor, table: string): JsonTable<T> {
  const read = (rows: BodyRow[]) => rows.map((r) => parseJson(r.body, null) as T | null).filter((r) => r !== null);
  return {
    async list() {
      return read(await db.query<BodyRow>(`SELECT body FROM ${table} ORDER BY id`));
    },
    async get(id) {
      return read(await db.query<BodyRow>(`SELECT body FROM ${table} WHERE id = $1`, [id]))[0] ?? null;
    },
    async put(item, at) {
      await db.execute(
        `INSERT INTO ${table} (id, body, updated_at) VALUES ($1, $2, $3)
          ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
        [item.id, JSON.stringify(item), at],
      );
    },
    async delete(id) {
      return (await db.execute(`DELETE FROM ${table} WHERE id = $1`, [id])) > 0;
    },
  };
}
