import { describe, expect, it } from "vitest";

import type { Agent } from "@/lib/spire/types";

import { searchAgents } from "./search-agents";

const agent = (spiffeId: string, extra: Partial<Agent> = {}): Agent => ({
  spiffeId,
  attestationType: "k8s_psat",
  x509SvidSerialNumber: "1234",
  x509SvidExpiresAt: null,
  selectors: [],
  banned: false,
  canReattest: false,
  agentVersion: "1.15.3",
  ...extra,
});

const agents = [
  agent("spiffe://foo.example.com/spire/agent/k8s_psat/demo/78384306-232f", {
    selectors: [{ type: "k8s_psat", value: "agent_node_name:demo-node-1" }],
  }),
  agent("spiffe://foo.example.com/spire/agent/x509pop/98afa18b51f8", { attestationType: "x509pop" }),
];

describe("searchAgents", () => {
  it("finds an agent by four characters of its ID", () => {
    const found = searchAgents(agents, "8afa", { offset: 0, limit: 10 });
    expect(found.hits.map((h) => h.agent.spiffeId)).toEqual([agents[1]!.spiffeId]);
    expect(found.hits[0]!.field).toBe("spiffeId");
  });

  it("finds an agent by a selector value such as its node name", () => {
    const found = searchAgents(agents, "demo-node-1", { offset: 0, limit: 10 });
    expect(found.hits.map((h) => [h.agent.spiffeId, h.field])).toEqual([[agents[0]!.spiffeId, "selector"]]);
  });
});
