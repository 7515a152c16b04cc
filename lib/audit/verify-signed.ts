import "server-only";

import type { KeyObject } from "node:crypto";

import type { AuditCheckpoint, AuditRepository } from "@/lib/store/types";

import { checkCheckpointSignature, keyIdOf } from "./checkpoint-signature";
import { parseCopyLine } from "./sink/audit-line";
import { type ChainPin, type ChainReport, verifyAuditLog } from "./verify-chain";

/** What audit:verify checks the database against besides its own chain. */
export type SignedVerifyOptions = {
  /** The signing key's public half; null: signatures are not checked (and said so). */
  publicKey: KeyObject | null;
  /** `audit.signing.intervalMinutes`: how old an unsigned record may be. */
  intervalMinutes: number;
  /** The sink's copy (JSON lines or syslog messages), e.g. the sink file. */
  copy?: { name: string; text: string };
  now?: number;
};

const iso = (ms: number) => new Date(ms).toISOString();

/** The records and checkpoints of the sink's copy. */
function readCopy(copy: SignedVerifyOptions["copy"]): { pins: ChainPin[]; checkpoints: AuditCheckpoint[] } {
  const pins: ChainPin[] = [];
  const checkpoints: AuditCheckpoint[] = [];
  copy?.text.split("\n").forEach((text, i) => {
    const line = parseCopyLine(text);
    if (line?.type === "audit.record") {
      pins.push({ seq: line.seq, hash: line.hash, source: `the copy in ${copy.name} (line ${i + 1})` });
    } else if (line?.type === "audit.checkpoint") {
      const { type: _type, ...checkpoint } = line;
      checkpoints.push(checkpoint);
    }
  });
  return { pins, checkpoints };
}

function fail(problem: Extract<ChainReport, { ok: false }>["problem"], notes: string[]) {
  return { report: { ok: false, records: 0, problem } as ChainReport, notes };
}

/**
 * Verifies the audit log against what lives outside its database: every signed checkpoint (from
 * the database and the copy) must carry the key's signature, and the chain must still hold each
 * checkpoint's head and each record of the copy; records older than two signing intervals must be
 * covered by a checkpoint. Then the chain itself (verifyAuditLog). Returns the report and notes.
 */
export async function verifySignedLog(
  audit: AuditRepository,
  options: SignedVerifyOptions,
): Promise<{ report: ChainReport; notes: string[] }> {
  const notes: string[] = [];
  const copy = readCopy(options.copy);
  const byId = new Map<string, AuditCheckpoint>();
  for (const c of [...(await audit.checkpoints()), ...copy.checkpoints]) byId.set(c.id, c);
  const checkpoints = [...byId.values()];
  const { publicKey } = options;
  if (options.copy) notes.push(`compared with ${copy.pins.length} records of the copy in ${options.copy.name}`);
  if (!publicKey) {
    notes.push(`${checkpoints.length} signed checkpoint(s) NOT checked: no public key (audit.signing or --public-key)`);
    return { report: await verifyAuditLog(audit, copy.pins), notes };
  }
  const pins: ChainPin[] = []; // the signed checkpoints first: a report names them before the copy
  for (const c of checkpoints) {
    if (!checkCheckpointSignature(c, publicKey)) {
      const message =
        `the checkpoint ${c.id} of ${iso(c.at)} is not signed by the configured key (${keyIdOf(publicKey)}): ` +
        `forged, changed, or signed with another key (${c.keyId})`;
      return fail({ seq: c.head.seq, id: c.id, kind: "bad-signature", message }, notes);
    }
    pins.push({ seq: c.head.seq, hash: c.head.hash, source: `the signed checkpoint of ${iso(c.at)}` });
  }
  const report = await verifyAuditLog(audit, [...pins, ...copy.pins]);
  if (!report.ok) return { report, notes };
  const signedUpTo = Math.max(0, ...checkpoints.map((c) => c.head.seq));
  notes.push(
    `${checkpoints.length} signed checkpoint(s) verified (key ${keyIdOf(publicKey)}) up to record ${signedUpTo}`,
  );
  if (report.head.seq <= signedUpTo) return { report, notes };
  const [first] = await audit.walk(Math.max(signedUpTo, (await audit.anchor()).seq), 1);
  const now = options.now ?? Date.now();
  if (first && first.at < now - (2 * options.intervalMinutes + 1) * 60_000) {
    const message =
      `records ${first.seq} to ${report.head.seq} are covered by no signed checkpoint, the oldest from ${iso(first.at)} ` +
      `(the console signs every ${options.intervalMinutes} min and at shutdown): a checkpoint was removed, ` +
      `or the console ran without its signing key or was killed`;
    return fail({ seq: first.seq, id: first.id, kind: "unsigned", message }, notes);
  }
  notes.push(`records ${signedUpTo + 1} to ${report.head.seq} are newer than the last signed checkpoint`);
  return { report, notes };
}
