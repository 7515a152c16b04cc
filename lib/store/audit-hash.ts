import "server-only";

import { createHash } from "node:crypto";

/** The hash before the first record of a fresh log. */
export const GENESIS_HASH = "0".repeat(64);

/** An audit row as stored: the columns the chain hash covers, JSON columns as their stored text. */
export type AuditRow = {
  seq: number;
  id: string;
  at: number;
  phase: string;
  intent_id: string | null;
  batch_id: string | null;
  request_id: string | null;
  replica_id: string;
  actor: string | null;
  actor_subject: string | null;
  client_address: string | null;
  server: string | null;
  trust_domain: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  target_spiffe_id: string | null;
  before_json: string | null;
  after_json: string | null;
  outcome: string;
  error_code: string | null;
  error_message: string | null;
  prev_hash: string;
};

/** Every hashed column, in the order the hash covers them. */
export const hashedColumns = [
  "seq",
  "id",
  "at",
  "phase",
  "intent_id",
  "batch_id",
  "request_id",
  "replica_id",
  "actor",
  "actor_subject",
  "client_address",
  "server",
  "trust_domain",
  "action",
  "target_type",
  "target_id",
  "target_spiffe_id",
  "before_json",
  "after_json",
  "outcome",
  "error_code",
  "error_message",
  "prev_hash",
] as const satisfies readonly (keyof AuditRow)[];

/**
 * SHA-256 of a record: every column in a fixed order (with the previous record's hash among them),
 * so changing, removing or reordering any record breaks the chain from there on.
 */
export function hashAuditRow(row: AuditRow): string {
  const values = hashedColumns.map((column) =>
    column === "seq" || column === "at" ? Number(row[column]) : row[column],
  );
  return createHash("sha256").update(JSON.stringify(values)).digest("hex");
}
