import "server-only";

import type { SqlExecutor } from "./driver";
import type { LoginStateRepository } from "./types";

/**
 * Used login states (one SQL text serves both back-ends). The primary key makes the insert the
 * check: of two replicas presented the same state at once, exactly one inserts the row.
 */
export function createLoginStateRepository(db: SqlExecutor): LoginStateRepository {
  return {
    async consume(stateHash, expiresAt, now) {
      await db.execute("DELETE FROM used_login_states WHERE expires_at <= $1", [now]);
      const inserted = await db.execute(
        `INSERT INTO used_login_states (state_hash, expires_at) VALUES ($1, $2)
          ON CONFLICT (state_hash) DO NOTHING`,
        [stateHash, expiresAt],
      );
      return inserted === 1;
    },
  };
}
