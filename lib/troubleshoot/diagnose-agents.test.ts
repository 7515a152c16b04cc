import { describe, expect, it } from "vitest";

import { A1, A2, entry, NOW, SERVER } from "../../test/support/troubleshoot-fixture";
import { attestationErrors, diagnoseAgents, mapAttestationError } from "./diagnose-agents";

describe("agent diagnosis and k8s_psat log mapping", () => {
  it("finds nodes without agent, agents without node, and cluster names no agent uses", () => {
    const issues = diagnoseAgents({
      nodes: [
        { name: "n1", uid: "uid-1" },
        { name: "n3", uid: "uid-3" },
      ],
      podNodes: ["n1", "n9", "n9"],
      agents: [A1, A2],
      entries: [entry("/a", SERVER, ["k8s_psat:cluster:prod"])],
      now: NOW,
    });
    expect(issues.map((i) => `${i.kind}:${i.subject}`)).toEqual([
      "node-without-agent:n3",
      "node-without-agent:n9",
      `agent-node-gone:${A2.spiffeId}`,
      "cluster-mismatch:k8s_psat:cluster:prod",
    ]);
  });
  it.each([
    ['rpc error: code = InvalidArgument desc = not configured for cluster "prod"', /cluster name/],
    ['token not authenticated according to TokenReview API for cluster "demo"', /rejected/],
    ['"system:serviceaccount:spire:default" is not an allowed service account for cluster "demo"', /service account/],
    ['unable to validate token with TokenReview API for cluster "demo": forbidden', /TokenReview/],
    ['fail to get pod from k8s API server for cluster "demo": not found', /agent's pod/],
    ["pod UID mismatch", /stale/],
  ])("maps %s", (line, cause) => {
    expect(mapAttestationError(line)?.cause).toMatch(cause);
  });
  it("ignores unrelated lines", () => {
    expect(
      attestationErrors(
        'level=info msg="Starting"\nlevel=error msg="Failed attestation" error="token not authenticated according to TokenReview API"',
      ),
    ).toHaveLength(1);
  });
});
