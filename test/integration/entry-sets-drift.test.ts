// Watched entry sets (config `entrySets`, issue 23) on the real stack: the stack's console watches
// two EntrySet files of foo (scripts/stack/seed-entry-sets.ts). A `spire-server entry update` to
// a watched entry is reported as drift within two intervals, on GET /api/entry-sets and in
// /metrics; the set with autoApply puts the entry back as the console's own principal, and the
// audit log says so. The spire-server CLI is the witness of what SPIRE holds.
import { describe, expect, inject, it } from "vitest";

import type { EntrySetStatus } from "@/lib/entry-sets/drift-state";
import type { AuditRecord } from "@/lib/store/types";

import { ENTRY_SETS_PREFIX, STACK_SET_INTERVAL, stackEntrySetDocument } from "../../scripts/stack/seed-entry-sets.ts";
import { type CliEntry, spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, stackState, waitFor } from "../support/api";
import { auditRecords } from "../support/audit";
import { sample, scrape } from "../support/prometheus";

const intervalMs = STACK_SET_INTERVAL * 1000;
const metricsUrl = () => `${inject("consoleUrl")}/metrics`;

async function setStatus(name: string): Promise<EntrySetStatus> {
  const response = await apiGet<{ sets: EntrySetStatus[] }>("/api/entry-sets");
  expect(response.status).toBe(200);
  const set = response.body.sets.find((s) => s.name === name);
  if (!set) throw new Error(`GET /api/entry-sets has no set ${name}`);
  return set;
}

/** Waits for a plan of the set that started after `since` and satisfies `ok`. */
function waitForRun(name: string, since: number, timeoutMs: number, ok: (s: EntrySetStatus) => boolean) {
  return waitFor(
    async () => {
      const set = await setStatus(name);
      return set.lastRun && Date.parse(set.lastRun.at) >= since && ok(set) ? set : undefined;
    },
    timeoutMs,
    `a plan of ${name} after ${new Date(since).toISOString()}`,
  );
}

/** The entry as the CLI shows it, or undefined when SPIRE has none with this ID. */
async function cliEntry(id: string): Promise<CliEntry | undefined> {
  try {
    const shown = await spireServerJson<{ entries: CliEntry[] | null }>("foo", ["entry", "show", "-entryID", id]);
    return shown.entries?.[0];
  } catch (error) {
    if (/NotFound/.test((error as Error).message)) return undefined;
    throw error;
  }
}

/** `spire-server entry update` with every field of the declared entry, the selector replaced. */
async function cliSetSelector(name: string, id: string, selector: string): Promise<void> {
  const declared = stackEntrySetDocument(name, "x").spec.entries.find((e) => e.id === id)!;
  const live = (await cliEntry(id))!;
  const parent = `spiffe://${live.parent_id.trust_domain}${live.parent_id.path}`;
  await spireServer("foo", [
    "entry",
    "update",
    "-entryID",
    id,
    "-spiffeID",
    declared.spiffeId,
    "-parentID",
    parent,
    "-selector",
    selector,
    "-x509SVIDTTL",
    String(declared.x509SvidTtl),
  ]);
}

/** Makes the watch set's entries exist as declared (the stack does not seed them: only `auto` applies itself). */
async function ensureWatchedEntries(): Promise<void> {
  const parent = stackState()
    .servers.find((s) => s.name === "foo")!
    .agents.find((a) => a.name === "foo-agent-1")!;
  for (const e of stackEntrySetDocument("watch", parent.spiffeId).spec.entries) {
    const live = await cliEntry(e.id!);
    if (live) {
      await cliSetSelector("watch", e.id!, `unix:${e.selectors[0]!.value}`);
      continue;
    }
    await spireServer("foo", [
      "entry",
      "create",
      "-entryID",
      e.id!,
      "-spiffeID",
      e.spiffeId,
      "-parentID",
      e.parentId,
      "-selector",
      `unix:${e.selectors[0]!.value}`,
      "-x509SVIDTTL",
      String(e.x509SvidTtl),
    ]);
  }
}

describe("watched entry sets", () => {
  it("reports a CLI edit of a watched entry as drift within two intervals, and in /metrics", async () => {
    await ensureWatchedEntries();
    const inSync = await waitForRun("stack-watch", Date.now(), 5 * intervalMs, (s) => s.state === "in-sync");
    expect(inSync.counts).toMatchObject({ create: 0, update: 0, delete: 0, unchanged: 2, unmanaged: 0 });
    expect(inSync.files).toEqual(["entries.yaml"]);

    const editedAt = Date.now();
    await cliSetSelector("watch", "entry-sets-test-watch-api", "unix:uid:60199");
    const drifted = await waitForRun("stack-watch", editedAt, 2 * intervalMs, (s) => s.state === "drifted");
    expect(Date.now() - editedAt).toBeLessThanOrEqual(2 * intervalMs + 1000);
    expect(drifted.counts).toMatchObject({ create: 0, update: 1, delete: 0, unchanged: 1 });
    const [change] = drifted.changes;
    expect(change).toMatchObject({ action: "update", entryId: "entry-sets-test-watch-api" });
    expect(change!.spiffeId).toBe(`${ENTRY_SETS_PREFIX}/watch/api`);
    expect(change!.fields.map((f) => f.field)).toContain("selectors");
    // Refresh only: the live entry is still the edited one.
    expect((await cliEntry("entry-sets-test-watch-api"))!.selectors).toEqual([{ type: "unix", value: "uid:60199" }]);

    const samples = await scrape(metricsUrl());
    const gauge = (kind: string) =>
      sample(samples, "spire_console_entry_set_drift", { set: "stack-watch", server: "foo", kind });
    expect([gauge("update"), gauge("create"), gauge("delete")]).toEqual([1, 0, 0]);
    expect(sample(samples, "spire_console_entry_set_plan_success", { set: "stack-watch", server: "foo" })).toBe(1);

    const restoredAt = Date.now();
    await cliSetSelector("watch", "entry-sets-test-watch-api", "unix:uid:60100");
    await waitForRun("stack-watch", restoredAt, 2 * intervalMs, (s) => s.state === "in-sync");
    const after = await scrape(metricsUrl());
    expect(sample(after, "spire_console_entry_set_drift", { set: "stack-watch", server: "foo", kind: "update" })).toBe(
      0,
    );
  });

  it("puts a CLI edit of an autoApply set back as the console's own principal, and audits it", async () => {
    const id = "entry-sets-test-auto-api";
    // The console created the auto set's entries itself (the stack does not seed them).
    await waitFor(async () => (await cliEntry(id)) ?? undefined, 10 * intervalMs, `entry ${id} created by autoApply`);
    await waitForRun("stack-auto", Date.now(), 5 * intervalMs, (s) => s.state === "in-sync");

    const editedAt = Date.now();
    await cliSetSelector("auto", id, "unix:uid:60177");
    const restored = await waitFor(
      async () => {
        const live = await cliEntry(id);
        return live?.selectors[0]?.value === "uid:60100" ? live : undefined;
      },
      3 * intervalMs,
      "autoApply to restore the selector",
    );
    expect(restored.selectors).toEqual([{ type: "unix", value: "uid:60100" }]);

    const set = await waitForRun("stack-auto", editedAt, 2 * intervalMs, (s) => s.lastApply?.outcome === "applied");
    expect(Date.parse(set.lastApply!.at)).toBeGreaterThanOrEqual(editedAt);
    const planId = set.lastApply!.planId;
    expect(planId).toMatch(/^[0-9A-Z]{26}$/);

    const events = await auditRecords({ action: "entrySet.autoApply", target: "stack-auto" });
    const event = events.find((r: AuditRecord) => (r.after as { planId?: string } | null)?.planId === planId);
    expect(event).toMatchObject({ outcome: "ok", actor: { kind: "system", subject: "entry-set:stack-auto" } });
    const updates = await auditRecords({ action: "entry.update", target: id });
    const update = updates.find((r) => r.batchId === planId);
    expect(update).toMatchObject({ outcome: "ok", actor: { kind: "system", name: "entry set stack-auto (console)" } });
  });
});
