import { describe, expect, it } from "vitest";

import { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { entriesWhere } from "@/lib/entries/compact/read-entries";
import { controllerManagedReasons } from "@/lib/entries/controller-managed";
import type { Agent, Entry } from "@/lib/spire/types";
import { findStale } from "@/test/support/reference-cleanup";

import { entryWith } from "../../test/support/entry-fixture";
import type { CleanupTarget } from "./cleanup-types";
import { findStaleInIndex } from "./find-stale-in-index";
import { orphanedChildrenInIndex } from "./orphaned-children-in-index";
import { planCleanup } from "./plan-cleanup";

const TD = "t.org";
const NOW = Date.parse("2026-06-01T00:00:00Z");
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();
const id = (path: string) => `spiffe://${TD}${path}`;

const agent = (path: string, extra: Partial<Agent> = {}): Agent => ({
  spiffeId: id(path),
  attestationType: "x509pop",
  x509SvidSerialNumber: "1",
  x509SvidExpiresAt: daysAgo(-1),
  selectors: [],
  banned: false,
  canReattest: true,
  agentVersion: "1.15.3",
  ...extra,
});
let n = 0;
const entry = (path: string, parent: string, extra: Partial<Entry> = {}): Entry => {
  n += 1;
  return entryWith({
    id: `e${n}`,
    spiffeId: id(path),
    parentId: parent.startsWith("spiffe://") ? parent : id(parent),
    selectors: [{ type: "unix", value: `uid:${n}` }],
    createdAt: `2026-01-01T00:00:${String(n).padStart(2, "0")}Z`,
    ...extra,
  });
};

const agents = [
  agent("/spire/agent/ok"),
  agent("/spire/agent/banned", { banned: true }),
  agent("/spire/agent/old", { x509SvidExpiresAt: daysAgo(40) }),
  agent("/spire/agent/tofu", { x509SvidExpiresAt: daysAgo(45), canReattest: false }),
  agent("/spire/agent/recent", { x509SvidExpiresAt: daysAgo(1) }),
];
const fine = entry("/fine", "/spire/agent/ok");
const alias = entry("/node/all", "/spire/server");
const orphan = entry("/orphan", "/nowhere");
const underBanned = entry("/under-banned", "/spire/agent/banned");
const underGone = entry("/under-gone", "/spire/agent/join_token/gone");
const underOld = entry("/under-old", "/spire/agent/old");
const underRecent = entry("/under-recent", "/spire/agent/recent");
const expired = entry("/expired", "/spire/agent/ok", { expiresAt: daysAgo(0.01) });
const original = entry("/dup", "/spire/agent/ok", { selectors: [{ type: "unix", value: "uid:77" }] });
const duplicate = entry("/dup", "/node/all", { selectors: [{ type: "unix", value: "uid:77" }] });
const owned = entry("/owned", "/spire/agent/k8s_psat/demo/1b4e28ba-2fa1-11d2-883f-0016d3cca427", {
  id: "ctrl.1b4e28ba-2fa1-11d2-883f-0016d3cca427",
  selectors: [{ type: "k8s", value: "pod-uid:1b4e28ba-2fa1-11d2-883f-0016d3cca428" }],
});
const child = entry("/child", "/orphan");
const entries = [
  fine,
  alias,
  orphan,
  underBanned,
  underGone,
  underOld,
  underRecent,
  expired,
  original,
  duplicate,
  owned,
  child,
];

const input = {
  server: "s",
  trustDomain: TD,
  entries,
  agents,
  now: NOW,
  agentExpiredDays: 30,
  evicted: new Map([[underGone.parentId, { at: "2026-05-01T00:00:00.000Z", by: "Ada" }]]),
  ownership: controllerManagedReasons,
};

describe("findStale", () => {
  it("finds one of each stale kind, says why, and sets controller-owned entries aside", () => {
    const report = findStale(input);
    expect(report.findings.map((f) => [f.kind, f.key])).toEqual([
      ["orphan-entry", `entry:${orphan.id}`],
      ["parent-agent-banned", `entry:${underBanned.id}`],
      ["parent-agent-evicted", `entry:${underGone.id}`],
      ["parent-agent-expired", `entry:${underOld.id}`],
      ["entry-expired", `entry:${expired.id}`],
      ["duplicate-entry", `entry:${duplicate.id}`],
      ["agent-expired", `agent:${id("/spire/agent/old")}`],
      ["agent-expired", `agent:${id("/spire/agent/tofu")}`],
    ]);
    const reason = (key: string) => report.findings.find((f) => f.key === key)!.reasons[0];
    expect(reason(`entry:${underGone.id}`)).toMatch(/was evicted by Ada on 2026-05-01/);
    expect(reason(`entry:${duplicate.id}`)).toMatch(
      new RegExp(`duplicates entry ${original.id} .* \\(${fine.parentId}\\)`),
    );
    expect(reason(`entry:${underOld.id}`)).toMatch(/expired 40 days ago \(more than 30 days\)/);
    expect(reason(`agent:${id("/spire/agent/old")}`)).toMatch(
      /prune_attested_nodes_expired_for = "720h" would remove it\./,
    );
    expect(reason(`agent:${id("/spire/agent/tofu")}`)).toMatch(/only with prune_tofu_nodes/);
    expect(report.excluded.map((f) => [f.kind, f.key, f.controllerOwned.length > 0])).toEqual([
      ["parent-agent-evicted", `entry:${owned.id}`, true],
    ]);
    expect(report.counts).toMatchObject({ "agent-expired": 2, "orphan-entry": 1, "duplicate-entry": 1 });
  });

  it("includes controller-owned entries when asked, still marked", () => {
    const report = findStale({ ...input, includeControllerOwned: true });
    expect(report.excluded).toEqual([]);
    expect(report.findings.find((f) => f.key === `entry:${owned.id}`)?.controllerOwned[0]).toMatch(/<prefix>\.<uuid>/);
  });

  it("is what the clean-up finds over the index in place", () => {
    const index = new CompactEntryIndex(TD, NOW);
    index.addEntries(entries);
    index.setAgents(agents, NOW);
    index.seal();
    const { entries: _given, agents: _agents, ...options } = input;
    const reference = findStale({ ...input, entries: entriesWhere(index, () => true) });
    expect(reference.findings).toHaveLength(8);
    expect(findStaleInIndex(index, options)).toEqual(reference);
  });

  it("lists every reason of an entry that is stale twice, the primary one first", () => {
    const both = entry("/both", "/nowhere", { expiresAt: daysAgo(1) });
    const finding = findStale({ ...input, entries: [both] }).findings[0]!;
    expect(finding.kind).toBe("orphan-entry");
    expect(finding.reasons).toHaveLength(2);
    expect(finding.reasons[1]).toMatch(/registration pruner/);
  });
});

describe("planCleanup", () => {
  const report = findStale(input);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const byAgent = new Map(agents.map((a) => [a.spiffeId, a]));

  it("sends stale items and items gone meanwhile, skips items no longer stale, one call per kind", () => {
    const keys = [`entry:${orphan.id}`, `agent:${id("/spire/agent/old")}`, "entry:gone-already", `entry:${fine.id}`];
    const { rows, calls } = planCleanup(keys, report.findings, byId, byAgent);
    expect(rows.map((r) => [r.key, r.plan])).toEqual([
      [`entry:${orphan.id}`, "send"],
      [`agent:${id("/spire/agent/old")}`, "send"],
      ["entry:gone-already", "send"],
      [`entry:${fine.id}`, "skip"],
    ]);
    expect(calls).toEqual([
      { rpc: "BatchDeleteEntry", ids: [orphan.id, "gone-already"] },
      { rpc: "DeleteAgent", id: id("/spire/agent/old") },
    ]);
  });

  it("names the children that would become orphans", () => {
    const orphanedChildren = (removed: CleanupTarget[], list: Entry[]) => {
      const index = new CompactEntryIndex(TD, NOW);
      index.addEntries(list);
      index.setAgents(agents, NOW);
      index.seal();
      return orphanedChildrenInIndex(removed, index);
    };
    expect(orphanedChildren([{ type: "entry", id: orphan.id }], entries)).toEqual([
      { id: child.id, spiffeId: child.spiffeId, parentId: orphan.spiffeId },
    ]);
    expect(orphanedChildren([{ type: "agent", id: id("/spire/agent/old") }], entries).map((c) => c.id)).toEqual([
      underOld.id,
    ]);
    // A child whose parent SPIFFE ID another remaining entry also has keeps its parent.
    expect(orphanedChildren([{ type: "entry", id: duplicate.id }], [...entries, entry("/c2", "/dup")])).toEqual([]);
  });
});
