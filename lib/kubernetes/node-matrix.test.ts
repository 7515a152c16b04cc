import { describe, expect, it } from "vitest";

import type { K8sCsiNode, K8sNode } from "@/lib/k8s/types";
import { crashLooping, pod } from "@/test/fixtures/k8s-objects";

import { buildNodeMatrix, psatNodeOf, type SpireAgentRef } from "./node-matrix";

const node = (name: string, uid: string): K8sNode => ({
  name,
  uid,
  labels: {},
  ready: true,
  internalIP: null,
  kubeletVersion: "v1.35.4",
  createdAt: null,
});
const nodes = [node("n1", "uid-1"), node("n2", "uid-2"), node("n3", "uid-3")];
const registered = (name: string): K8sCsiNode => ({ name, drivers: [{ name: "csi.spiffe.io", nodeID: name }] });
const psatAgent = (uid: string, viaSelector: boolean, cluster = "demo"): SpireAgentRef => ({
  spiffeId: `spiffe://td/spire/agent/k8s_psat/${cluster}/${uid}`,
  attestationType: "k8s_psat",
  selectors: viaSelector
    ? [
        { type: "k8s_psat", value: `cluster:${cluster}` },
        { type: "k8s_psat", value: `agent_node_uid:${uid}` },
      ]
    : [],
  x509SvidExpiresAt: "2030-01-01T00:00:00.000Z",
  banned: false,
});

const base = {
  nodes,
  agentPods: nodes.map((n) => pod(`agent-${n.name}`, n.name, "spire-agent")),
  csiPods: nodes.map((n) => pod(`csi-${n.name}`, n.name, "spiffe-csi-driver")),
  csiNodes: nodes.map((n) => registered(n.name)),
  csiDriverName: "csi.spiffe.io",
  spireAgents: [psatAgent("uid-1", true), psatAgent("uid-2", false), psatAgent("uid-3", true)],
  cluster: "demo",
  namespace: "spire",
};

describe("buildNodeMatrix", () => {
  it("joins each k8s_psat agent to its node by selector or SPIFFE ID and reports a healthy cluster as such", () => {
    const { matrix, problems } = buildNodeMatrix(base);
    expect(matrix.rows.map((r) => [r.node, r.spireAgents.map((a) => a.joinedBy)])).toEqual([
      ["n1", ["selector"]],
      ["n2", ["spiffe-id"]],
      ["n3", ["selector"]],
    ]);
    expect(matrix.rows.every((r) => r.csiRegistered && r.agentPod?.healthy && r.csiPod?.healthy)).toBe(true);
    expect(problems).toEqual([]);
  });

  it("names the crash-looping CSI pod with its restarts and the last exit reason", () => {
    const { matrix, problems } = buildNodeMatrix({
      ...base,
      csiPods: [base.csiPods[0]!, crashLooping("csi-n2", "n2", 14), base.csiPods[2]!],
    });
    expect(matrix.rows[1]!.csiPod).toMatchObject({ status: "CrashLoopBackOff", restarts: 14, healthy: false });
    const problem = problems.find((p) => p.id === "csi-crashloop:n2");
    expect(problem?.title).toContain("restarted 14 times");
    expect(problem?.detail).toContain("address already in use");
  });

  it("flags a node whose CSINode lacks the driver, and one without a CSINode at all", () => {
    const { matrix, problems } = buildNodeMatrix({
      ...base,
      csiNodes: [registered("n1"), { name: "n2", drivers: [] }],
    });
    expect(matrix.rows.map((r) => r.csiRegistered)).toEqual([true, false, false]);
    expect(problems.filter((p) => p.id.startsWith("csi-unregistered:")).map((p) => p.id)).toEqual([
      "csi-unregistered:n2",
      "csi-unregistered:n3",
    ]);
  });

  it("lists agents whose node is gone and nodes no agent attested from, ignoring other clusters", () => {
    const agents = [psatAgent("uid-1", true), psatAgent("uid-gone", true), psatAgent("uid-2", true, "other")];
    const { matrix, problems } = buildNodeMatrix({ ...base, spireAgents: agents });
    expect(matrix.orphanAgents.map((a) => a.nodeUid)).toEqual(["uid-gone"]);
    expect(matrix.nodesWithoutAgent).toEqual(["n2", "n3"]);
    expect(problems.map((p) => p.id)).toEqual(
      expect.arrayContaining(["agent-orphan:spiffe://td/spire/agent/k8s_psat/demo/uid-gone", "node-no-agent:n2"]),
    );
  });

  it("does not claim nodes lack agents when SPIRE could not be asked", () => {
    const { matrix, problems } = buildNodeMatrix({ ...base, spireAgents: null });
    expect(matrix.spireAgentsKnown).toBe(false);
    expect(matrix.nodesWithoutAgent).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe("psatNodeOf", () => {
  it("ignores agents of other attestation types even with a k8s_psat-looking path", () => {
    expect(psatNodeOf({ ...psatAgent("u", false), attestationType: "join_token" })).toBeNull();
  });
});
