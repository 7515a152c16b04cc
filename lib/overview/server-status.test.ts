import { describe, expect, it } from "vitest";

import type { Problem } from "./build-problems";
import { attestationProblems, kubernetesProblems } from "./cluster-problems";
import { serverStatus } from "./server-status";

const foo = { name: "foo", healthy: true, error: null };
const problem = (severity: Problem["severity"], server = "foo", title = "x"): Problem => ({
  severity,
  source: "kubernetes",
  server,
  title,
  detail: "",
  href: "/kubernetes",
});

describe("serverStatus", () => {
  it("is Down with the reason when the server cannot be reached", () => {
    expect(serverStatus({ name: "foo", healthy: false, error: { message: "unavailable" } }, [])).toEqual({
      state: "down",
      reason: "unavailable",
    });
  });

  it("is Degraded while an error concerns the server, naming the first one", () => {
    const status = serverStatus(foo, [problem("error", "foo", "CSI driver crash-looping"), problem("error")]);
    expect(status).toEqual({ state: "degraded", reason: "CSI driver crash-looping (and 1 more error)" });
  });

  it("stays Healthy with warnings only, or with errors of other servers; checking until read", () => {
    expect(serverStatus(foo, [problem("warning"), problem("error", "bar")])).toEqual({
      state: "healthy",
      reason: "1 warning, no errors",
    });
    expect(serverStatus(foo, null).state).toBe("checking");
  });
});

describe("cluster problems on the Overview", () => {
  it("links Kubernetes problems to their place on the Kubernetes page", () => {
    const [p] = kubernetesProblems(
      [{ id: "csi-crashloop:demo-node-2", severity: "error", area: "nodes", title: "t", detail: "d", fix: "f" }],
      "foo",
    );
    expect(p).toMatchObject({ source: "kubernetes", server: "foo", fix: "f" });
    expect(p!.href).toBe("/kubernetes#problem-csi-crashloop-demo-node-2");
  });

  it("links an agent's issue to the agent and a node's to the troubleshooter", () => {
    const problems = attestationProblems(
      [
        { kind: "node-without-agent", subject: "demo-node-4", detail: "", fix: "" },
        { kind: "agent-banned", subject: "spiffe://foo.example.com/spire/agent/x", detail: "", fix: "" },
      ],
      "foo",
    );
    expect(problems.map((p) => [p.severity, p.href])).toEqual([
      ["error", "/troubleshoot?server=foo#agent-attestation"],
      ["warning", "/agents/spiffe%3A%2F%2Ffoo.example.com%2Fspire%2Fagent%2Fx?server=foo"],
    ]);
  });
});
