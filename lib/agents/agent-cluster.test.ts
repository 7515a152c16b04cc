import { describe, expect, it } from "vitest";

import { agentCluster } from "./agent-cluster";

const psat = (spiffeId: string, selectors: { type: string; value: string }[] = []) => ({
  spiffeId,
  attestationType: "k8s_psat",
  selectors,
});

describe("agentCluster", () => {
  it("reads the cluster from a k8s_psat agent's SPIFFE ID", () => {
    expect(agentCluster(psat("spiffe://foo.example.com/spire/agent/k8s_psat/edge/1e18-73"))).toBe("edge");
  });

  it("prefers the agent's cluster selector", () => {
    const agent = psat("spiffe://foo.example.com/spire/agent/k8s_psat/demo/uid-1", [
      { type: "k8s_psat", value: "cluster:edge" },
      { type: "k8s_psat", value: "agent_node_uid:uid-1" },
    ]);
    expect(agentCluster(agent)).toBe("edge");
  });

  it("has no cluster for agents attested otherwise, even with a look-alike ID", () => {
    expect(
      agentCluster({
        spiffeId: "spiffe://foo.example.com/spire/agent/k8s_psat/demo/uid-1",
        attestationType: "join_token",
        selectors: [],
      }),
    ).toBeNull();
    expect(
      agentCluster({
        spiffeId: "spiffe://foo.example.com/spire/agent/x509pop/abc",
        attestationType: "x509pop",
        selectors: [],
      }),
    ).toBeNull();
  });
});
