import { describe, expect, it } from "vitest";

import { groupProblems } from "@/lib/kubernetes/group-problems";
import type { KubernetesProblem } from "@/lib/kubernetes/problems";

import { kubernetesProblems } from "./cluster-problems";

const problem = (id: string, extra: Partial<KubernetesProblem>): KubernetesProblem => ({
  id,
  severity: "error",
  area: "agents",
  title: `title of ${id}`,
  detail: "",
  fix: "",
  ...extra,
});

describe("kubernetesProblems", () => {
  it("shows PodSecurity blocking the canary once, its two DaemonSet errors under it, each linking to its place", () => {
    const grouped = groupProblems([
      problem("ds-not-ready:spire-canary/spire-agent", { namespace: "spire-canary", area: "agents" }),
      problem("ds-not-ready:spire-canary/spiffe-csi-driver", { namespace: "spire-canary", area: "csi-driver" }),
      problem("pod-security:spire-canary", { namespace: "spire-canary", area: "pod-security" }),
      problem("bundle-missing:spire/spire-bundle", { severity: "warning", area: "bundle" }),
    ]);
    const shown = kubernetesProblems(grouped, "foo", { cluster: "demo", deployment: "foo" });
    expect(shown.map((p) => p.title)).toEqual([
      "title of pod-security:spire-canary",
      "title of bundle-missing:spire/spire-bundle",
    ]);
    expect(shown[0]!.href).toBe("/kubernetes?cluster=demo&deployment=foo#problem-pod-security-spire-canary");
    expect(shown[0]!.symptoms).toEqual([
      {
        severity: "error",
        title: "title of ds-not-ready:spire-canary/spire-agent",
        href: "/kubernetes?cluster=demo&deployment=foo#problem-ds-not-ready-spire-canary-spire-agent",
      },
      {
        severity: "error",
        title: "title of ds-not-ready:spire-canary/spiffe-csi-driver",
        href: "/kubernetes?cluster=demo&deployment=foo#problem-ds-not-ready-spire-canary-spiffe-csi-driver",
      },
    ]);
    expect(shown[1]!.symptoms).toBeUndefined();
  });
});
