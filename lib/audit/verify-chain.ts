import "server-only";

import { expectedHash } from "@/lib/store/audit-repository";
import type { AuditAnchor, AuditRecord, AuditRepository } from "@/lib/store/types";

/** The first break in the chain: which record, and what happened to the log there. */
export type ChainProblem = {
  seq: number;
  id: string | null;
  kind: "changed" | "removed" | "out-of-order";
  message: string;
};

export type ChainReport =
  { ok: true; records: number; head: AuditAnchor } | { ok: false; records: number; problem: ChainProblem };

/**
 * Walks the audit log in chain order from its anchor and reports the first record that was
 * changed (its hash no longer matches its contents), removed (a gap in the sequence, or missing
 * at the end compared with the recorded head) or put out of order (it does not carry the hash of
 * the record before it). `pages` yields records in ascending sequence.
 */
export async function verifyChain(
  ends: { anchor: AuditAnchor; head: AuditAnchor },
  pages: AsyncIterable<AuditRecord[]>,
): Promise<ChainReport> {
  const { anchor, head } = ends;
  let expectedSeq = anchor.seq + 1;
  let previous = anchor.hash;
  let records = 0;
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

/** Verifies the whole audit log of a store, from its anchor to its recorded head. */
export async function verifyAuditLog(audit: AuditRepository): Promise<ChainReport> {
  const [anchor, head] = await Promise.all([audit.anchor(), audit.head()]);
  return verifyChain(
    { anchor, head },
    chainPages((after, limit) => audit.walk(after, limit), anchor.seq),
  );
}
