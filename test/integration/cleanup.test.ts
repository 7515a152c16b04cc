import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { spireServer } from "../../scripts/stack/spire-cli.ts";
import { stackState, waitFor } from "../support/api";
import { auditRecords } from "../support/audit";
import { createToken } from "../support/auth";
import {
  ageAgent,
  avoidEntryPruner,
  cleanupReport,
  cliCounts,
  cliCreate,
  cliHasEntry,
  id,
  postCleanup,
  type Report,
  uuid,
} from "../support/cleanup";
import { type ExtraAgent, startExtraAgent } from "../support/extra-agent";

const run = Date.now().toString(36);
const agents: ExtraAgent[] = [];
const leftovers: string[] = [];
/** The seeded stale items: finding key → expected kind. */
const seeded = new Map<string, string>();
let before: Report;
let victim: string;
let child: string;
let owned: string;
let staleAgent: string;
let bannedAgent: string;

beforeAll(async () => {
  await avoidEntryPruner();
  before = await cleanupReport();
  const [agent1, agent2] = stackState().servers.find((s) => s.name === "foo")!.agents;
  const uid = (n: number) => `unix:uid:${7100 + n}`;
  const track = (key: string, kind: string) => seeded.set(key, kind);

  const orphan = await cliCreate(id(`/it-cleanup/${run}/orphan`), id(`/it-cleanup/${run}/nowhere`), uid(1));
  track(`entry:${orphan}`, "orphan-entry");
  child = await cliCreate(id(`/it-cleanup/${run}/child`), id(`/it-cleanup/${run}/orphan`), uid(2));
  leftovers.push(child);
  victim = await cliCreate(id(`/it-cleanup/${run}/victim`), id(`/it-cleanup/${run}/nowhere-2`), uid(3));
  track(`entry:${victim}`, "orphan-entry");

  const [banned, evicted, gone] = await Promise.all(
    [1, 2, 3].map(() => startExtraAgent(stackState(), inject("stackDir"))),
  );
  agents.push(banned!, evicted!, gone!);
  bannedAgent = banned!.spiffeId;
  track(`entry:${await cliCreate(id(`/it-cleanup/${run}/banned`), banned!.spiffeId, uid(4))}`, "parent-agent-banned");
  await spireServer("foo", ["agent", "ban", "-spiffeID", banned!.spiffeId], stackState());
  track(
    `entry:${await cliCreate(id(`/it-cleanup/${run}/evicted`), evicted!.spiffeId, uid(5))}`,
    "parent-agent-evicted",
  );
  await evicted!.stop();
  await spireServer("foo", ["agent", "evict", "-spiffeID", evicted!.spiffeId], stackState());
  staleAgent = gone!.spiffeId;
  track(`entry:${await cliCreate(id(`/it-cleanup/${run}/gone`), gone!.spiffeId, uid(6))}`, "parent-agent-expired");
  track(`agent:${gone!.spiffeId}`, "agent-expired");
  await gone!.stop();
  ageAgent(gone!.spiffeId, 40);

  const past = String(Math.floor(Date.now() / 1000) - 60);
  const expired = await cliCreate(id(`/it-cleanup/${run}/expired`), agent1!.spiffeId, uid(7), "-entryExpiry", past);
  track(`entry:${expired}`, "entry-expired");
  const kept = await cliCreate(id(`/it-cleanup/${run}/dup`), agent1!.spiffeId, uid(8));
  leftovers.push(kept);
  await new Promise((r) => setTimeout(r, 1100)); // created_at has second precision: the copy is newer
  track(`entry:${await cliCreate(id(`/it-cleanup/${run}/dup`), agent2!.spiffeId, uid(8))}`, "duplicate-entry");

  // Stale too, but shaped like spire-controller-manager's: left out by default.
  const pod = uuid();
  owned = await cliCreate(
    id(`/it-cleanup/${run}/owned`),
    id(`/spire/agent/k8s_psat/demo/${uuid()}`),
    `k8s:pod-uid:${pod}`,
    "-entryID",
    `itctrl.${pod}`,
  );
  leftovers.push(owned);
}, 120_000);

afterAll(async () => {
  for (const entryId of leftovers)
    await spireServer("foo", ["entry", "delete", "-entryID", entryId], stackState()).catch(() => {});
  await spireServer("foo", ["agent", "evict", "-spiffeID", bannedAgent], stackState()).catch(() => {});
  for (const agent of agents) await agent.stop().catch(() => {});
});

describe("stale-data clean-up", () => {
  it("lists exactly the seeded stale items, each with why, and no controller-owned entry", async () => {
    const expected = [...before.findings.map((f) => f.key), ...seeded.keys()].sort();
    const report = await waitFor(
      async () => {
        const r = await cleanupReport();
        // The controller-shaped entry was created last: wait until the index has it too.
        const sawOwned = r.excluded.some((f) => f.key === `entry:${owned}`);
        return sawOwned &&
          r.findings
            .map((f) => f.key)
            .sort()
            .join() === expected.join()
          ? r
          : undefined;
      },
      20_000,
      "the seeded findings",
    ).catch(async (error: Error) => {
      const keys = (await cleanupReport()).findings.map((f) => f.key);
      throw new Error(`${error.message}: expected ${expected.join(", ")}; got ${keys.join(", ")}`, { cause: error });
    });
    for (const [key, kind] of seeded) {
      const finding = report.findings.find((f) => f.key === key)!;
      expect(finding.kind, key).toBe(kind);
      expect(finding.reasons[0]!.length).toBeGreaterThan(20);
    }
    expect(report.findings.find((f) => f.key === `agent:${staleAgent}`)!.reasons[0]).toMatch(
      /expired 40 days ago: prune_attested_nodes_expired_for = "720h" would remove it only with prune_tofu_nodes/,
    );
    expect(report.findings.filter((f) => f.controllerOwned.length > 0)).toEqual([]);
    const ownedFinding = report.excluded.find((f) => f.key === `entry:${owned}`);
    expect(ownedFinding?.controllerOwned.join(" ")).toMatch(/spire-controller-manager/);
    const all = await cleanupReport("?includeControllerOwned=true");
    expect(all.findings.map((f) => f.key)).toContain(`entry:${owned}`);
  });

  it("dry run changes nothing and shows exactly what would be sent; apply removes exactly the selection", async () => {
    const keys = [...seeded.keys()];
    const counts = await cliCounts();
    const dry = await postCleanup("dry-run", keys);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    const entryIds = keys.filter((k) => k.startsWith("entry:")).map((k) => k.slice(6));
    expect(dry.body.calls).toEqual([
      { rpc: "BatchDeleteEntry", ids: entryIds },
      { rpc: "DeleteAgent", id: staleAgent },
    ]);
    const radius = dry.body.blastRadius as { orphanedChildren: { id: string }[]; podsReason: string | null };
    expect(radius.orphanedChildren.map((c) => c.id)).toEqual([child]);
    expect(await cliCounts()).toEqual(counts);

    // Deleted meanwhile: its row fails, the others are still applied.
    await spireServer("foo", ["entry", "delete", "-entryID", victim], stackState());
    const applied = await postCleanup("apply", keys);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const rows = applied.body.rows as { key: string; outcome: string; error: { code: string } | null }[];
    expect(rows.filter((r) => r.outcome !== "ok").map((r) => [r.key, r.outcome, r.error?.code])).toEqual([
      [`entry:${victim}`, "error", "not_found"],
    ]);
    for (const entryId of entryIds) expect(await cliHasEntry(entryId), entryId).toBe(false);
    const agentList = await spireServer("foo", ["agent", "list"], stackState());
    expect(agentList).not.toContain(staleAgent);
    for (const kept of leftovers) expect(await cliHasEntry(kept), kept).toBe(true);
    const after = await cliCounts();
    expect(Number(after.entries.match(/\d+/)![0])).toBe(
      Number(counts.entries.match(/\d+/)![0]) - (entryIds.length - 1) - 1,
    );
    expect(Number(after.agents.match(/\d+/)![0])).toBe(Number(counts.agents.match(/\d+/)![0]) - 1);

    // One audit intent and one result per item sent, all under the batch ID.
    const batchId = applied.body.batchId as string;
    const records = (await auditRecords({ intents: "true", server: "foo", limit: "500" })).filter(
      (r) => r.batchId === batchId,
    );
    expect(records.filter((r) => r.phase === "intent")).toHaveLength(keys.length);
    expect(records.filter((r) => r.phase === "result" && r.outcome === "ok")).toHaveLength(keys.length - 1);
    expect(records.find((r) => r.phase === "result" && r.target.id === staleAgent)?.action).toBe("agent.evict");
  });

  it("lets a viewer preview the dry run, changing nothing, and refuses its apply; operators apply", async () => {
    const viewer = await createToken(`cleanup-viewer-${run}`, [{ role: "viewer" }]);
    const counts = await cliCounts();
    const preview = await postCleanup("dry-run", [`entry:${child}`], viewer);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    // The child lost its parent in the clean-up above, so it is an orphan now: it would be sent.
    expect(preview.body.calls).toEqual([{ rpc: "BatchDeleteEntry", ids: [child] }]);
    expect(preview.body.blastRadius).toMatchObject({ orphanedChildren: [] });
    expect(preview.body.apply).toEqual({ allowed: false, reason: expect.stringMatching(/viewer role may not clean/) });
    const refused = await postCleanup("apply", [`entry:${child}`], viewer);
    expect(refused.status).toBe(403);
    expect((refused.body.error as { code: string }).code).toBe("permission_denied");
    // The CLI is the witness: neither the preview nor the refused apply changed anything.
    expect(await cliCounts()).toEqual(counts);
    expect(await cliHasEntry(child)).toBe(true);

    const editor = await createToken(`cleanup-editor-${run}`, [{ role: "editor" }]);
    expect((await postCleanup("dry-run", [`entry:${child}`], editor)).body.apply).toMatchObject({ allowed: false });
    expect((await postCleanup("apply", [`entry:${child}`], editor)).status).toBe(403);
    const operator = await createToken(`cleanup-operator-${run}`, [{ role: "operator" }]);
    const dry = await postCleanup("dry-run", [`entry:${child}`], operator);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.apply).toEqual({ allowed: true, reason: "" });
    expect(await cliCounts()).toEqual(counts);
  });
});
