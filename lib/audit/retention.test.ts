import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getStore } from "@/lib/auth/console-store";
import type { NewAuditRecord } from "@/lib/store/types";

import { pruneAuditLogIfDue } from "./retention";
import { verifyAuditLog } from "./verify-chain";

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 30);

function old(n: number, daysAgo: number): NewAuditRecord {
  return {
    id: `01RETENTION${String(n).padStart(15, "0")}`,
    at: now - daysAgo * DAY,
    phase: "event",
    intentId: null,
    batchId: null,
    requestId: null,
    replicaId: "test",
    actor: null,
    clientAddress: null,
    server: null,
    trustDomain: null,
    action: "auth.sign-in",
    target: { type: "session", id: null, spiffeId: null },
    before: null,
    after: null,
    outcome: "ok",
    error: null,
  };
}

describe("the daily audit retention run", () => {
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.SPIRE_CONSOLE_DATA_DIR = mkdtempSync(path.join(tmpdir(), "spc-retention-"));
    process.env.SPIRE_CONSOLE_CONFIG = path.join(tmpdir(), "no-such-config.json");
  });
  afterAll(async () => {
    await (await getStore()).close();
    process.env = saved;
  });

  it("removes records older than the retention, records that it did, and runs once a day", async () => {
    const store = await getStore();
    await store.audit.append([old(1, 400), old(2, 366), old(3, 10), old(4, 1)]);
    expect(await pruneAuditLogIfDue(now)).toBe(2);
    const left = await store.audit.list({}, { limit: 10 });
    expect(left.map((r) => r.action)).toEqual(["audit.prune", "auth.sign-in", "auth.sign-in"]);
    expect(left[0]).toMatchObject({
      actor: { kind: "system", name: "audit retention (daily)" },
      after: { deleted: 2, retentionDays: 365, anchor: { seq: 2 } },
      before: { anchor: { seq: 0 } },
    });
    expect(await store.audit.anchor()).toEqual((left[0]!.after as { anchor: unknown }).anchor);
    expect(await verifyAuditLog(store.audit)).toMatchObject({ ok: true, records: 3 });
    expect(await pruneAuditLogIfDue(now + DAY / 2)).toBeNull();
    expect(await pruneAuditLogIfDue(now + DAY)).toBe(0);
  });
});
