import "server-only";

import type { SqlExecutor } from "./driver";
import { parseStringArray } from "./parse-json";
import type { SessionMethod, SessionRecord, SessionRepository } from "./types";

type SessionRow = {
  id_hash: string;
  subject: string;
  issuer: string;
  name: string;
  email: string | null;
  groups: string;
  method: string;
  id_token: string | null;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
};

const columns = "id_hash, subject, issuer, name, email, groups, method, id_token, created_at, last_seen_at, expires_at";

function toSession(row: SessionRow): SessionRecord {
  return {
    idHash: row.id_hash,
    subject: row.subject,
    issuer: row.issuer,
    name: row.name,
    email: row.email,
    groups: parseStringArray(row.groups),
    method: row.method as SessionMethod,
    idToken: row.id_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

/** Sessions on top of a driver; one SQL text serves both back-ends. */
export function createSessionRepository(db: SqlExecutor): SessionRepository {
  return {
    async create(s) {
      const values = [s.idHash, s.subject, s.issuer, s.name, s.email, JSON.stringify(s.groups), s.method, s.idToken];
      const placeholders = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11";
      await db.execute(`INSERT INTO sessions (${columns}) VALUES (${placeholders})`, [
        ...values,
        s.createdAt,
        s.lastSeenAt,
        s.expiresAt,
      ]);
    },
    async get(idHash) {
      const rows = await db.query<SessionRow>(`SELECT ${columns} FROM sessions WHERE id_hash = $1`, [idHash]);
      return rows[0] ? toSession(rows[0]) : null;
    },
    async touch(idHash, at) {
      const sql = "UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1 AND last_seen_at < $2";
      return (await db.execute(sql, [idHash, at])) > 0;
    },
    async delete(idHash) {
      return (await db.execute("DELETE FROM sessions WHERE id_hash = $1", [idHash])) > 0;
    },
    async deleteExpired(now, idleMs) {
      return db.execute("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2", [now, now - idleMs]);
    },
    async deleteForSubject(subject, issuer) {
      return issuer === undefined
        ? db.execute("DELETE FROM sessions WHERE subject = $1", [subject])
        : db.execute("DELETE FROM sessions WHERE subject = $1 AND issuer = $2", [subject, issuer]);
    },
  };
}
