import "server-only";

import { deletePrunedCheckpoints, insertCheckpoint, selectCheckpoints } from "./audit-checkpoints";
import { type AuditRow, GENESIS_HASH, hashAuditRow, hashedColumns } from "./audit-hash";
import type { SqlDriver, SqlExecutor, SqlValue } from "./driver";
import { parseJson } from "./parse-json";
import type { AuditActor, AuditAnchor, AuditFilter, AuditRecord, AuditRepository, NewAuditRecord } from "./types";

/** PostgreSQL advisory lock that serialises appends to the chain across console replicas. */
const CHAIN_LOCK_KEY = 7_361_523_002;
const STATE_ID = "chain";

type StoredRow = AuditRow & { hash: string };

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
const fromJson = <T = unknown>(text: string | null): T | null => (text === null ? null : (parseJson(text, null) as T));

function toRow(record: NewAuditRecord, seq: number, prevHash: string): AuditRow {
  return {
    seq,
    id: record.id,
    at: record.at,
    phase: record.phase,
    intent_id: record.intentId,
    batch_id: record.batchId,
    request_id: record.requestId,
    replica_id: record.replicaId,
    actor: json(record.actor),
    actor_subject: record.actor?.subject ?? null,
    client_address: record.clientAddress,
    server: record.server,
    trust_domain: record.trustDomain,
    action: record.action,
    target_type: record.target.type,
    target_id: record.target.id,
    target_spiffe_id: record.target.spiffeId,
    before_json: json(record.before),
    after_json: json(record.after),
    outcome: record.outcome,
    error_code: record.error?.code ?? null,
    error_message: record.error?.message ?? null,
    prev_hash: prevHash,
  };
}

/** The hash a stored record should carry, recomputed from its contents (for verifying the chain). */
export function expectedHash(record: AuditRecord): string {
  return hashAuditRow(toRow(record, record.seq, record.prevHash));
}

/** A stored row as a record. */
export function toAuditRecord(row: StoredRow): AuditRecord {
  return {
    seq: Number(row.seq),
    id: row.id,
    at: Number(row.at),
    phase: row.phase as AuditRecord["phase"],
    intentId: row.intent_id,
    batchId: row.batch_id,
    requestId: row.request_id,
    replicaId: row.replica_id,
    actor: fromJson<AuditActor>(row.actor),
    clientAddress: row.client_address,
    server: row.server,
    trustDomain: row.trust_domain,
    action: row.action,
    target: { type: row.target_type, id: row.target_id, spiffeId: row.target_spiffe_id },
    before: fromJson(row.before_json),
    after: fromJson(row.after_json),
    outcome: row.outcome as AuditRecord["outcome"],
    error: row.error_code !== null ? { code: row.error_code, message: row.error_message ?? "" } : null,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

type StateRow = { anchor_seq: number; anchor_hash: string; head_seq: number; head_hash: string };

const genesis: AuditAnchor = { seq: 0, hash: GENESIS_HASH };

async function readState(db: SqlExecutor): Promise<{ anchor: AuditAnchor; head: AuditAnchor } | null> {
  const rows = await db.query<StateRow>(
    "SELECT anchor_seq, anchor_hash, head_seq, head_hash FROM audit_state WHERE id = $1",
    [STATE_ID],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    anchor: { seq: Number(row.anchor_seq), hash: row.anchor_hash },
    head: { seq: Number(row.head_seq), hash: row.head_hash },
  };
}

/** Creates the chain's state row at genesis when it does not exist yet (under the chain lock). */
async function ensureState(tx: SqlExecutor): Promise<{ anchor: AuditAnchor; head: AuditAnchor }> {
  const state = await readState(tx);
  if (state) return state;
  await tx.execute(
    "INSERT INTO audit_state (id, anchor_seq, anchor_hash, head_seq, head_hash) VALUES ($1, $2, $3, $2, $3)",
    [STATE_ID, genesis.seq, genesis.hash],
  );
  return { anchor: genesis, head: genesis };
}

async function lockChain(tx: SqlExecutor): Promise<void> {
  if (tx.kind === "postgres") await tx.query("SELECT pg_advisory_xact_lock($1)", [CHAIN_LOCK_KEY]);
}

const columnList = [...hashedColumns, "hash"].join(", ");
const placeholders = [...hashedColumns, "hash"].map((_, i) => `$${i + 1}`).join(", ");

/** WHERE clause and parameters for a filter (text filters are case-insensitive substrings). */
function whereOf(filter: AuditFilter): { sql: string; params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  const param = (value: SqlValue) => {
    params.push(value);
    return `$${params.length}`;
  };
  const contains = (value: string) => `%${value.toLowerCase()}%`;
  if (filter.actor) clauses.push(`LOWER(COALESCE(actor, '')) LIKE ${param(contains(filter.actor))}`);
  if (filter.server) clauses.push(`server = ${param(filter.server)}`);
  if (filter.action) clauses.push(`action LIKE ${param(`${filter.action}%`)}`);
  if (filter.outcome) clauses.push(`outcome = ${param(filter.outcome)}`);
  if (filter.targetType) clauses.push(`target_type = ${param(filter.targetType)}`);
  if (filter.targetId) clauses.push(`target_id = ${param(filter.targetId)}`);
  if (filter.target) {
    const text = contains(filter.target);
    clauses.push(
      `(LOWER(COALESCE(target_id, '')) LIKE ${param(text)} OR LOWER(COALESCE(target_spiffe_id, '')) LIKE ${param(text)})`,
    );
  }
  if (filter.phases?.length) clauses.push(`phase IN (${filter.phases.map((p) => param(p)).join(", ")})`);
  if (filter.from !== undefined) clauses.push(`at >= ${param(filter.from)}`);
  if (filter.to !== undefined) clauses.push(`at <= ${param(filter.to)}`);
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

/** Appends records at the head of the chain, inside `tx` (which must hold the chain lock's transaction). */
async function appendIn(tx: SqlExecutor, records: readonly NewAuditRecord[]): Promise<AuditRecord[]> {
  await lockChain(tx);
  let head = (await ensureState(tx)).head;
  const stored: AuditRecord[] = [];
  for (const record of records) {
    const row = toRow(record, head.seq + 1, head.hash);
    const hash = hashAuditRow(row);
    const values = [...hashedColumns.map((c) => row[c]), hash] as SqlValue[];
    await tx.execute(`INSERT INTO audit_log (${columnList}) VALUES (${placeholders})`, values);
    stored.push(toAuditRecord({ ...row, hash }));
    head = { seq: row.seq, hash };
  }
  await tx.execute("UPDATE audit_state SET head_seq = $2, head_hash = $3 WHERE id = $1", [
    STATE_ID,
    head.seq,
    head.hash,
  ]);
  return stored;
}

/** The audit log on top of a driver; one SQL text serves both back-ends. */
export function createAuditRepository(db: SqlDriver): AuditRepository {
  return {
    async append(records) {
      if (records.length === 0) return [];
      return db.transaction((tx) => appendIn(tx, records));
    },
    async list(filter, page) {
      const where = whereOf(filter);
      const params = [...where.params];
      let sql = `SELECT ${columnList} FROM audit_log ${where.sql}`;
      if (page.beforeSeq !== undefined) {
        params.push(page.beforeSeq);
        sql += `${where.sql ? " AND" : " WHERE"} seq < $${params.length}`;
      }
      params.push(page.limit);
      const rows = await db.query<StoredRow>(`${sql} ORDER BY seq DESC LIMIT $${params.length}`, params);
      return rows.map(toAuditRecord);
    },
    async walk(afterSeq, limit) {
      const sql = `SELECT ${columnList} FROM audit_log WHERE seq > $1 ORDER BY seq ASC LIMIT $2`;
      return (await db.query<StoredRow>(sql, [afterSeq, limit])).map(toAuditRecord);
    },
    anchor: async () => (await readState(db))?.anchor ?? genesis,
    head: async () => (await readState(db))?.head ?? genesis,
    async pruneOlderThan(cutoff, describe) {
      return db.transaction(async (tx) => {
        await lockChain(tx);
        const previousAnchor = (await ensureState(tx)).anchor;
        const last = await tx.query<{ seq: number; hash: string }>(
          "SELECT seq, hash FROM audit_log WHERE at < $1 ORDER BY seq DESC LIMIT 1",
          [cutoff],
        );
        let deleted = 0;
        let anchor = previousAnchor;
        if (last[0]) {
          anchor = { seq: Number(last[0].seq), hash: last[0].hash };
          deleted = await tx.execute("DELETE FROM audit_log WHERE seq <= $1", [anchor.seq]);
          await tx.execute("UPDATE audit_state SET anchor_seq = $2, anchor_hash = $3 WHERE id = $1", [
            STATE_ID,
            anchor.seq,
            anchor.hash,
          ]);
          await deletePrunedCheckpoints(tx, anchor.seq);
        }
        const prune = { deleted, previousAnchor, anchor };
        const [record] = await appendIn(tx, [describe(prune)]);
        return { ...prune, record: record! };
      });
    },
    addCheckpoint: (checkpoint) => insertCheckpoint(db, checkpoint),
    checkpoints: () => selectCheckpoints(db),
    async lastPruneAt() {
      const rows = await db.query<{ last_prune_at: number | null }>(
        "SELECT last_prune_at FROM audit_state WHERE id = $1",
        [STATE_ID],
      );
      return rows[0]?.last_prune_at === null || rows[0] === undefined ? null : Number(rows[0].last_prune_at);
    },
    async claimPrune(now, everyMs) {
      return db.transaction(async (tx) => {
        await lockChain(tx);
        await ensureState(tx);
        const claimed = await tx.execute(
          "UPDATE audit_state SET last_prune_at = $2 WHERE id = $1 AND (last_prune_at IS NULL OR last_prune_at <= $3)",
          [STATE_ID, now, now - everyMs],
        );
        return claimed > 0;
      });
    },
  };
}
