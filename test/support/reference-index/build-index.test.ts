import { describe, expect, it } from "vitest";

import type { Agent, Entry } from "@/lib/spire/types";

import { entryWith } from "../entry-fixture";
import { buildEntryIndex, parentChain } from "./build-index";
import { pageChildren, pageOrphans, rootNodes } from "./tree-nodes";
import { makeTreeView } from "./tree-view";

const td = "spiffe://t.org";
const SERVER = `${td}/spire/server`;
let n = 0;
function entry(spiffeId: string, parentId: string, selectors: string[] = [], extra: Partial<Entry> = {}): Entry {
  n += 1;
  return entryWith({
    id: `e${String(n).padStart(3, "0")}`,
    spiffeId: `${td}${spiffeId}`,
    parentId: parentId.startsWith("spiffe://") ? parentId : `${td}${parentId}`,
    selectors: selectors.map((s) => ({ type: s.split(":")[0] as string, value: s.split(":").slice(1).join(":") })),
    ...extra,
  });
}
function agent(path: string, selectors: string[], expiresAt = "2030-01-01T00:00:00.000Z"): Agent {
  return {
    spiffeId: `${td}${path}`,
    attestationType: "x509pop",
    x509SvidSerialNumber: "1",
    x509SvidExpiresAt: expiresAt,
    selectors: selectors.map((s) => ({ type: s.split(":")[0] as string, value: s.split(":").slice(1).join(":") })),
    banned: false,
    canReattest: true,
    agentVersion: "1.15.3",
  };
}

const now = Date.parse("2026-01-01T00:00:00Z");
const agents = [
  agent("/spire/agent/a1", ["x509pop:ca:abc", "x509pop:cn:a1"]),
  agent("/spire/agent/a2", ["x509pop:ca:abc"], "2025-12-31T00:00:00.000Z"),
];
const entries = [
  entry("/node/fleet", SERVER, ["x509pop:ca:abc"]),
  entry("/node/a1-only", SERVER, ["x509pop:cn:a1"]),
  entry("/web", "/node/fleet", ["k8s:ns:web"], { federatesWith: ["other.org"] }),
  entry("/web/sidecar", "/web", ["k8s:ns:web", "k8s:sa:side"]),
  entry("/db", "/spire/agent/a1", ["unix:uid:5"]),
  entry("/batch", "/spire/agent/a2", ["unix:uid:6"]),
  entry("/lost", "/gone/host", ["unix:uid:7"]),
  entry("/lost/child", "/lost", ["unix:uid:8"]),
  entry("/loop-a", "/loop-b", ["unix:uid:9"]),
  entry("/loop-b", "/loop-a", ["unix:uid:10"]),
];
const index = buildEntryIndex({ trustDomain: "t.org", entries, agents, now });

describe("buildEntryIndex", () => {
  it("puts agents, node aliases and the Orphans group under the server", () => {
    const page = pageChildren(makeTreeView(index, {}), SERVER, 0, 100);
    expect(page.nodes.map((node) => `${node.kind} ${node.spiffeId}`)).toEqual([
      `agent ${td}/spire/agent/a1`,
      `agent ${td}/spire/agent/a2`,
      `alias ${td}/node/a1-only`,
      `alias ${td}/node/fleet`,
      "orphans ",
    ]);
  });

  it("shows which agents an alias covers and which aliases an agent belongs to", () => {
    const page = pageChildren(makeTreeView(index, {}), SERVER, 0, 100);
    const fleet = page.nodes.find((node) => node.spiffeId === `${td}/node/fleet`);
    const a1 = page.nodes.find((node) => node.spiffeId === `${td}/spire/agent/a1`);
    const a2 = page.nodes.find((node) => node.spiffeId === `${td}/spire/agent/a2`);
    expect(fleet?.covers).toEqual([`${td}/spire/agent/a1`, `${td}/spire/agent/a2`]);
    expect(a1?.aliases.sort()).toEqual([`${td}/node/a1-only`, `${td}/node/fleet`]);
    expect(a2?.aliases).toEqual([`${td}/node/fleet`]);
  });

  it("counts whole subtrees, recursively through entries parented to entries", () => {
    const view = makeTreeView(index, {});
    const fleet = pageChildren(view, SERVER, 0, 100).nodes.find((node) => node.spiffeId === `${td}/node/fleet`);
    expect(fleet?.childCount).toBe(1);
    expect(fleet?.subtreeCount).toBe(2);
    expect(pageChildren(view, `${td}/web`, 0, 10).nodes.map((node) => node.spiffeId)).toEqual([`${td}/web/sidecar`]);
  });

  it("lists orphans (missing parent) and parent cycles (unreachable) without looping", () => {
    const orphans = pageOrphans(makeTreeView(index, {}), 0, 10).nodes;
    expect(orphans.map((o) => [o.spiffeId, o.flags.orphanReason])).toEqual([
      [`${td}/lost`, "missing-parent"],
      [`${td}/loop-a`, "unreachable"],
      [`${td}/loop-b`, "unreachable"],
    ]);
    expect(orphans[0]?.subtreeCount).toBe(1);
    expect(rootNodes(makeTreeView(index, {})).orphans.childCount).toBe(3);
  });

  it("flags entries parented to an agent whose SVID has expired", () => {
    const view = makeTreeView(index, {});
    const [batch] = pageChildren(view, `${td}/spire/agent/a2`, 0, 10).nodes;
    expect(batch?.flags.parentAgentExpired).toBe(true);
    const [db] = pageChildren(view, `${td}/spire/agent/a1`, 0, 10).nodes;
    expect(db?.flags.parentAgentExpired).toBe(false);
  });

  it("pages children with a next offset", () => {
    const view = makeTreeView(index, {});
    const first = pageChildren(view, SERVER, 0, 2);
    expect(first.nodes).toHaveLength(2);
    expect(first.total).toBe(5);
    expect(first.nextOffset).toBe(2);
    expect(pageChildren(view, SERVER, 4, 2).nextOffset).toBeNull();
  });

  it("keeps only matching entries and their ancestors under a filter", () => {
    const view = makeTreeView(index, { selectors: [{ type: "k8s", value: "sa:side" }], match: "superset" });
    const root = pageChildren(view, SERVER, 0, 100).nodes.map((node) => node.spiffeId);
    expect(root).toEqual([`${td}/node/fleet`, ""]);
    expect(pageChildren(view, `${td}/node/fleet`, 0, 10).nodes[0]?.subtreeCount).toBe(1);
  });

  it("walks the parent chain up to the server and stops at cycles", () => {
    const sidecar = entries[3] as Entry;
    expect(parentChain(index, sidecar).map((link) => link.kind)).toEqual(["entry", "entry", "server"]);
    expect(parentChain(index, entries[4] as Entry).map((link) => link.kind)).toEqual(["agent", "server"]);
    expect(parentChain(index, entries[6] as Entry).map((link) => link.kind)).toEqual(["missing"]);
    expect(parentChain(index, entries[8] as Entry).map((link) => link.spiffeId)).toEqual([`${td}/loop-b`]);
  });
});
