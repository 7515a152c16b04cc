import { describe, expect, it } from "vitest";

import { findAgentHost } from "./agent-host";

describe("findAgentHost", () => {
  it("names the Kubernetes node of a k8s_psat agent", () => {
    const selectors = [
      { type: "k8s_psat", value: "cluster:demo" },
      { type: "k8s_psat", value: "agent_node_name:demo-node-1" },
    ];
    expect(findAgentHost(selectors)).toEqual({ kind: "node", name: "demo-node-1" });
  });

  it("names the host of an x509pop agent from its certificate's CN", () => {
    expect(findAgentHost([{ type: "x509pop", value: "subject:cn:foo-agent-1" }])).toEqual({
      kind: "host",
      name: "foo-agent-1",
    });
  });

  it("is null when no selector names a machine (a join token)", () => {
    expect(findAgentHost([])).toBeNull();
    expect(findAgentHost([{ type: "join_token", value: "abc" }])).toBeNull();
  });
});
