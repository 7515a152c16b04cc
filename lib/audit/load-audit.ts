import "server-only";

import { getStore } from "@/lib/auth/console-store";
import { authorize } from "@/lib/auth/guard";
import { loadConfig } from "@/lib/config/load-config";
import type { AuditQuery } from "@/lib/schemas/audit";
import type { AuditFilter, AuditRecord } from "@/lib/store/types";

import { readPublicKey } from "./checkpoint-signature";
import type { ChainReport } from "./verify-chain";
import { verifySignedLog } from "./verify-signed";

/** The store filter for a query (one row per change unless intents are asked for). */
export function toAuditFilter(query: AuditQuery): AuditFilter {
  return {
    actor: query.actor || undefined,
    server: query.server || undefined,
    action: query.action || undefined,
    target: query.target || undefined,
    outcome: query.outcome,
    phases: query.intents === "true" ? undefined : ["result", "event"],
    from: query.from ? Date.parse(query.from) : undefined,
    to: query.to ? Date.parse(query.to) : undefined,
  };
}

/** One page of the audit log (admins), newest first, with the cursor of the next page. */
export async function listAudit(query: AuditQuery): Promise<{ records: AuditRecord[]; nextBefore: number | null }> {
  await authorize("audit.read");
  const store = await getStore();
  const records = await store.audit.list(toAuditFilter(query), { limit: query.limit + 1, beforeSeq: query.before });
  const page = records.slice(0, query.limit);
  return { records: page, nextBefore: records.length > query.limit ? page[page.length - 1]!.seq : null };
}

/**
 * Every record matching the query as JSON lines, newest first, streamed page by page (the whole
 * log is never held in memory).
 */
export async function exportAudit(query: AuditQuery): Promise<ReadableStream<Uint8Array>> {
  await authorize("audit.read");
  const store = await getStore();
  const filter = toAuditFilter(query);
  const encoder = new TextEncoder();
  let before: number | undefined = query.before;
  return new ReadableStream({
    async pull(controller) {
      const page = await store.audit.list(filter, { limit: 500, beforeSeq: before });
      if (page.length === 0) return controller.close();
      controller.enqueue(encoder.encode(page.map((r) => `${JSON.stringify(r)}\n`).join("")));
      before = page[page.length - 1]!.seq;
    },
  });
}

/**
 * Walks the whole chain (admins) and reports the first record changed, removed or out of order, or
 * an anchor no prune explains; with `audit.signing` also checks the signed checkpoints against it.
 */
export async function checkAuditChain(): Promise<ChainReport> {
  await authorize("audit.read");
  const state = loadConfig();
  const signing = state.status === "ok" ? state.config.audit.signing : undefined;
  const keyFile = signing?.publicKeyFile ?? signing?.keyFile;
  const { report } = await verifySignedLog((await getStore()).audit, {
    publicKey: keyFile ? readPublicKey(keyFile) : null,
    intervalMinutes: signing?.intervalMinutes ?? 5,
  });
  return report;
}
