import "server-only";

import type { SqlExecutor } from "./driver";
import type { AuditCheckpoint } from "./types";

type CheckpointRow = {
  id: string;
  at: number;
  replica_id: string;
  anchor_seq: number;
  anchor_hash: string;
  head_seq: number;
  head_hash: string;
  key_id: string;
  signature: string;
};

const columns = "id, at, replica_id, anchor_seq, anchor_hash, head_seq, head_hash, key_id, signature";

/** Stores a signed checkpoint of the audit chain. */
export async function insertCheckpoint(db: SqlExecutor, c: AuditCheckpoint): Promise<void> {
  await db.execute(`INSERT INTO audit_checkpoints (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
    c.id,
    c.at,
    c.replicaId,
    c.anchor.seq,
    c.anchor.hash,
    c.head.seq,
    c.head.hash,
    c.keyId,
    c.signature,
  ]);
}

/** Every checkpoint, oldest first. */
export async function selectCheckpoints(db: SqlExecutor): Promise<AuditCheckpoint[]> {
  const rows = await db.query<CheckpointRow>(`SELECT ${columns} FROM audit_checkpoints ORDER BY at ASC, id ASC`);
  return rows.map((row) => ({
    id: row.id,
    at: Number(row.at),
    replicaId: row.replica_id,
    anchor: { seq: Number(row.anchor_seq), hash: row.anchor_hash },
    head: { seq: Number(row.head_seq), hash: row.head_hash },
    keyId: row.key_id,
    signature: row.signature,
  }));
}

/** Forgets checkpoints whose head was pruned (they pin nothing that is left). */
export async function deletePrunedCheckpoints(db: SqlExecutor, anchorSeq: number): Promise<void> {
  await db.execute("DELETE FROM audit_checkpoints WHERE head_seq <= $1", [anchorSeq]);
}
