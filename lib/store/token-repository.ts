import "server-only";

import type { SqlExecutor } from "./driver";
import { parseJson } from "./parse-json";
import type { ApiTokenRecord, ApiTokenSummary, TokenRepository } from "./types";

/** A token's last use is written at most this often. */
const TOUCH_EVERY_MS = 60_000;

type TokenRow = {
  id: string;
  name: string;
  secret_hash?: string;
  bindings: string;
  created_by: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
};

const summaryColumns = "id, name, bindings, created_by, created_at, expires_at, revoked_at, last_used_at";

function toSummary(row: TokenRow): ApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    bindings: parseJson(row.bindings, null),
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

/** API tokens on top of a driver; one SQL text serves both back-ends. */
export function createTokenRepository(db: SqlExecutor): TokenRepository {
  return {
    async create(t) {
      const sql = `INSERT INTO api_tokens (id, name, secret_hash, bindings, created_by, created_at, expires_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)`;
      await db.execute(sql, [
        t.id,
        t.name,
        t.secretHash,
        JSON.stringify(t.bindings),
        t.createdBy,
        t.createdAt,
        t.expiresAt,
      ]);
    },
    async list() {
      const rows = await db.query<TokenRow>(
        `SELECT ${summaryColumns} FROM api_tokens ORDER BY created_at DESC, id DESC`,
      );
      return rows.map(toSummary);
    },
    async get(id) {
      const rows = await db.query<TokenRow>(`SELECT ${summaryColumns} FROM api_tokens WHERE id = $1`, [id]);
      return rows[0] ? toSummary(rows[0]) : null;
    },
    async findBySecretHash(secretHash) {
      const sql = `SELECT secret_hash, ${summaryColumns} FROM api_tokens WHERE secret_hash = $1`;
      const row = (await db.query<TokenRow & { secret_hash: string }>(sql, [secretHash]))[0];
      return row ? ({ ...toSummary(row), secretHash: row.secret_hash } satisfies ApiTokenRecord) : null;
    },
    async revoke(id, at) {
      return (
        (await db.execute("UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", [id, at])) > 0
      );
    },
    async touch(id, at) {
      const sql =
        "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $3)";
      return (await db.execute(sql, [id, at, at - TOUCH_EVERY_MS])) > 0;
    },
  };
}
