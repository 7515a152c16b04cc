import "server-only";

import { GENESIS_HASH } from "@/lib/store/audit-hash";
import { expectedHash } from "@/lib/store/audit-repository";
import type { AuditAnchor, AuditRecord, AuditRepository } from "@/lib/store/types";

/** A hash the record at `seq` must have, known from outside the chain (a signed checkpoint, the sink's copy). */
export type ChainPin = { seq: number; hash: string; source: string };

/** The first break in the chain: which record, and what happened to the log there. */
export type ChainProblem = {
  seq: number;
  id: string | null;
  kind: "changed" | "removed" | "out-of-order" | "anchor-moved" | "unsigned" | "bad-signature";
  message: string;
};

export type ChainReport =
  { ok: true; records: number; head: AuditAnchor } | { ok: false; records: number; problem: ChainProblem };

const isPrune = (record: AuditRecord) => record.action === "audit.prune" && record.actor?.kind === "system";

/** Where the last recorded prune left the anchor (genesis when none is left; undefined for an old record without it). */
function recordedAnchor(lastPrune: AuditRecord | null): AuditAnchor | undefined {
  if (!lastPrune) return { seq: 0, hash: GENESIS_HASH };
  return (lastPrune.after as { anchor?: AuditAnchor } | null)?.anchor;
}

/** The anchor must be where the last recorded prune moved it: anything else was moved by hand. */
function checkAnchor(anchor: AuditAnchor, lastPrune: AuditRecord | null): ChainProblem | null {
  const recorded = recordedAnchor(lastPrune);
  if (!recorded || (recorded.seq === anchor.seq && recorded.hash === anchor.hash)) return null;
  const message = lastPrune
    ? `the chain starts after record ${anchor.seq}, but the last recorded prune (record ${lastPrune.seq}) ` +
      `left it after record ${recorded.seq}: its anchor was moved by hand`
    : `the chain starts after record ${anchor.seq}, but no prune is recorded: ` +
      `records up to ${anchor.seq} were removed and the anchor moved by hand`;
  return { seq: anchor.seq, id: null, kind: "anchor-moved", message };
}

/**
 * Walks the audit log in chain order from its anchor and reports the first record that was
 * changed (its hash no longer matches its contents or a pin), removed (a gap in the sequence, or
 * missing at the end compared with the recorded head or a pin) or put out of order (it does not
 * carry the hash of the record before it), then an anchor that no recorded prune explains.
 * `pages` yields records in ascending sequence; `pins` are hashes known from outside the database.
 */
export async function verifyChain(
  ends: { anchor: AuditAnchor; head: AuditAnchor },
  pages: AsyncIterable<AuditRecord[]>,
  pins: readonly ChainPin[] = [],
): Promise<ChainReport> {
  const { anchor, head } = ends;
  const pinsAt = new Map<number, ChainPin[]>();
  for (const pin of pins) if (pin.seq > anchor.seq) pinsAt.set(pin.seq, [...(pinsAt.get(pin.seq) ?? []), pin]);
  let expectedSeq = anchor.seq + 1;
  let previous = anchor.hash;
  let records = 0;
  let lastPrune: AuditRecord | null = null;
  for await (const page of pages) {
    for (const record of page) {
      if (record.seq !== expectedSeq) {
        const message = `record ${expectedSeq} is missing: it was removed (the next one is ${record.seq})`;
        return { ok: false, records, problem: { seq: expectedSeq, id: null, kind: "removed", message } };
      }
      if (expectedHash(record) !== record.hash) {
        const message = `record ${record.seq} (${record.id}) was changed: its contents no longer match its hash`;
        return { ok: false, records, problem: { seq: record.seq, id: record.id, kind: "changed", message } };
      }
      if (record.prevHash !== previous) {
        const message = `record ${record.seq} (${record.id}) does not follow the record before it: inserted or reordered`;
        return { ok: false, records, problem: { seq: record.seq, id: record.id, kind: "out-of-order", message } };
      }
      const pin = pinsAt.get(record.seq)?.find((p) => p.hash !== record.hash);
      if (pin) {
        const message = `record ${record.seq} (${record.id}) is not the record ${pin.source} covers: the chain was rewritten`;
        return { ok: false, records, problem: { seq: record.seq, id: record.id, kind: "changed", message } };
      }
      if (isPrune(record)) lastPrune = record;
      previous = record.hash;
      expectedSeq += 1;
      records += 1;
    }
  }
  if (head.seq !== expectedSeq - 1 || head.hash !== previous) {
    const message =
      head.seq > expectedSeq - 1
        ? `records ${expectedSeq} to ${head.seq} are missing: removed from the end of the log`
        : `the log ends at record ${expectedSeq - 1}, but its recorded head is ${head.seq}`;
    return { ok: false, records, problem: { seq: expectedSeq, id: null, kind: "removed", message } };
  }
  const last = expectedSeq - 1;
  const beyond = pins.filter((p) => p.seq > last).sort((a, b) => b.seq - a.seq)[0];
  if (beyond) {
    const message =
      `records ${last + 1} to ${beyond.seq} are missing: ${beyond.source} covers record ${beyond.seq}, ` +
      `but the log and its recorded head end at record ${last} (removed from the end, the head set back by hand)`;
    return { ok: false, records, problem: { seq: last + 1, id: null, kind: "removed", message } };
  }
  const moved = checkAnchor(anchor, lastPrune);
  if (moved) return { ok: false, records, problem: moved };
  return { ok: true, records, head };
}

/** Pages of a repository's records in chain order, `size` at a time. */
export async function* chainPages(
  walk: (afterSeq: number, limit: number) => Promise<AuditRecord[]>,
  fromSeq: number,
  size = 1000,
): AsyncGenerator<AuditRecord[]> {
  let after = fromSeq;
  for (;;) {
    const page = await walk(after, size);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.seq;
  }
}

/** Verifies the whole audit log of a store, from its anchor to its recorded head, against `pins`. */
export async function verifyAuditLog(audit: AuditRepository, pins: readonly ChainPin[] = []): Promise<ChainReport> {
  const [anchor, head] = await Promise.all([audit.anchor(), audit.head()]);
  return verifyChain(
    { anchor, head },
    chainPages((after, limit) => audit.walk(after, limit), anchor.seq),
    pins,
  );
}
