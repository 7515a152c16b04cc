// GET /api/kubernetes/nodes: the node matrix joins each k8s_psat agent (attested for real through
// TokenReview against the local API server) to its node, by the node UID SPIRE put in the
// agent's SPIFFE ID and selectors. Witnesses: the API server's nodes and `spire-server agent list`.
import { describe, expect, it } from "vitest";

import type { NodeMatrixResponse } from "@/lib/kubernetes/load-spire-report";

import { kubeRequest } from "../../scripts/k8s/kube-http.ts";
import { readKubeconfigTarget } from "../../scripts/k8s/kubeconfig.ts";
import { FAULTS, NODES } from "../../scripts/k8s/topology.ts";
import { type CliAgent, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, stackState } from "../support/api";

describe("GET /api/kubernetes/nodes", () => {
  it("joins every k8s_psat agent of foo to the node whose UID it carries", async () => {
    const { status, body } = await apiGet<NodeMatrixResponse>("/api/kubernetes/nodes");
    expect(status).toBe(200);
    const admin = readKubeconfigTarget(stackState().kubernetes!.adminKubeconfig);
    const nodes = await kubeRequest<{ items: { metadata: { name: string; uid: string } }[] }>(
      admin,
      "GET",
      "/api/v1/nodes",
    );
    const uidOf = new Map(nodes.items.map((n) => [n.metadata.name, n.metadata.uid]));
    expect(body.matrix.rows.map((r) => [r.node, r.uid])).toEqual(NODES.map((n) => [n.name, uidOf.get(n.name)]));

    const cli = await spireServerJson<{ agents: CliAgent[] }>(
      "foo",
      ["agent", "list", "-attestationType", "k8s_psat"],
      stackState(),
    );
    // foo's agents in cluster edge (kubernetes-clusters.test.ts) are not this cluster's.
    const onDemo = cli.agents.filter((a) => idToString(a.id).includes("/k8s_psat/demo/"));
    expect(onDemo).toHaveLength(NODES.length);
    for (const agent of onDemo) {
      const id = idToString(agent.id);
      const nodeName = agent.selectors
        .find((s) => s.type === "k8s_psat" && s.value.startsWith("agent_node_name:"))!
        .value.split(":")[1];
      expect(id).toBe(`spiffe://foo.example.com/spire/agent/k8s_psat/demo/${uidOf.get(nodeName!)}`);
      const row = body.matrix.rows.find((r) => r.node === nodeName)!;
      expect(row.spireAgents).toEqual([
        expect.objectContaining({ spiffeId: id, joinedBy: "selector", expiresAt: expect.any(String) }),
      ]);
    }
    expect(body.matrix.orphanAgents).toEqual([]);
    expect(body.matrix.nodesWithoutAgent).toEqual([]);
  });

  it("shows each node's agent and CSI pod, and only the seeded faults as problems", async () => {
    const { body } = await apiGet<NodeMatrixResponse>("/api/kubernetes/nodes");
    for (const node of NODES) {
      const row = body.matrix.rows.find((r) => r.node === node.name)!;
      expect(row.agentPod).toMatchObject({ name: node.agentPod, status: "Running", healthy: true });
      expect(row.csiPod?.name).toBe(node.csiPod);
      expect(row.csiPod?.healthy).toBe(node.name !== FAULTS.crashLoopNode);
    }
    expect(body.problems.map((p) => p.id).sort()).toEqual(
      [
        `csi-crashloop:${FAULTS.crashLoopNode}`,
        `csi-unregistered:${FAULTS.unregisteredNode}`,
        "ds-not-ready:spire-canary/spiffe-csi-driver",
        "ds-not-ready:spire-canary/spire-agent",
        "ds-not-ready:spire/spiffe-csi-driver",
      ].sort(),
    );
  });

  it("still answers at its old URL, /api/k8s/nodes", async () => {
    const [old, current] = await Promise.all([
      apiGet<NodeMatrixResponse>("/api/k8s/nodes"),
      apiGet<NodeMatrixResponse>("/api/kubernetes/nodes"),
    ]);
    expect(old.status).toBe(200);
    expect(old.body.matrix.rows.map((r) => r.node).sort()).toEqual(current.body.matrix.rows.map((r) => r.node).sort());
    expect(old.body.matrix.rows.length).toBeGreaterThan(0);
  });
});
