import { describe, expect, it } from "vitest";

import { findFixCommands } from "./fix-commands";

describe("findFixCommands", () => {
  it.each([
    [
      "Evict it: spire-server agent evict -spiffeID spiffe://foo.example.com/spire/agent/x",
      ["spire-server agent evict -spiffeID spiffe://foo.example.com/spire/agent/x"],
    ],
    [
      "kubectl label namespace canary pod-security.kubernetes.io/enforce=privileged --overwrite (only SPIRE's own).",
      ["kubectl label namespace canary pod-security.kubernetes.io/enforce=privileged --overwrite"],
    ],
    ["kubectl -n spire logs spire-agent-x --previous", ["kubectl -n spire logs spire-agent-x --previous"]],
    [
      "Most fields are immutable: kubectl delete csidriver csi.spiffe.io, then re-apply it.",
      ["kubectl delete csidriver csi.spiffe.io"],
    ],
  ])("finds the command in %s", (fix, commands) => {
    expect(findFixCommands(fix)).toEqual(commands);
  });

  it("leaves prose that only names a tool", () => {
    expect(findFixCommands("Install the chart, or kubectl apply its CSIDriver manifest.")).toEqual([]);
    expect(findFixCommands("Check the DaemonSet's nodeSelector and tolerations.")).toEqual([]);
  });
});
