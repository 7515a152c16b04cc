import { describe, expect, it } from "vitest";

import type { K8sNode } from "@/lib/k8s/types";
import { daemonSet, deploymentNames, pod, template } from "@/test/fixtures/k8s-objects";

import { buildSpireReport, type KubernetesSnapshot } from "./build-report";
import { groupProblems, nestProblems } from "./group-problems";
import type { KubernetesProblem } from "./problems";

const node = (name: string, ready = true): K8sNode => ({
  name,
  uid: `uid-${name}`,
  labels: {},
  ready,
  internalIP: null,
  kubeletVersion: null,
  createdAt: null,
});
const privileged = template({ hostPaths: [{ volume: "agent-socket", path: "/run/spire", type: null }] });
const driver = (nodeName: string) => ({ name: nodeName, drivers: [{ name: "csi.spiffe.io", nodeID: nodeName }] });

/**
 * The demo's faults in one cluster: PodSecurity baseline on spire-canary (its DaemonSets get no pods),
 * node-2 NotReady (its agent and CSI pods down), node-3's kubelet without the CSI registration (a workload
 * cannot mount its volume there), and a socket path mismatch in the canary, which has nothing to do with the rest.
 */
function snapshot(): KubernetesSnapshot {
  const down = { ready: false, phase: "Pending" as const };
  return {
    names: deploymentNames(),
    cluster: { name: "demo", server: "https://127.0.0.1:6443", source: "kubeconfig", psatCluster: "demo" },
    nodes: [node("node-1"), node("node-2", false), node("node-3")],
    namespaces: [{ name: "spire-canary", labels: { "pod-security.kubernetes.io/enforce": "baseline" } }],
    daemonSets: [
      daemonSet("spire-agent", { ready: 2, available: 2 }, privileged),
      daemonSet("spiffe-csi-driver", { ready: 2, available: 2 }, privileged),
      daemonSet("spire-agent", { current: 0, ready: 0, available: 0, updated: 0 }, privileged, "spire-canary"),
      daemonSet("spiffe-csi-driver", { current: 0, ready: 0, available: 0, updated: 0 }, privileged, "spire-canary"),
    ],
    statefulSet: null,
    serverPods: [],
    pods: [
      pod("agent-1", "node-1", "spire-agent"),
      pod("agent-2", "node-2", "spire-agent", down),
      pod("agent-3", "node-3", "spire-agent"),
      pod("csi-1", "node-1", "spiffe-csi-driver"),
      pod("csi-2", "node-2", "spiffe-csi-driver", down),
      pod("csi-3", "node-3", "spiffe-csi-driver"),
    ],
    csiDriver: null,
    csiNodes: [driver("node-1"), driver("node-2")],
    warningEvents: [],
    failedMountEvents: [
      {
        namespace: "payments",
        name: "payments-worker.mount",
        type: "Warning",
        reason: "FailedMount",
        message: "driver name csi.spiffe.io not found in the list of registered CSI drivers",
        involved: { kind: "Pod", name: "payments-worker" },
        count: 9,
        lastSeen: null,
        source: "kubelet",
        host: "node-3",
      },
    ],
    bundleConfigMap: null,
    spire: { serverName: null, agents: null, agentsError: null, authorities: null, bundleError: null },
  };
}

const groupsOf = (problems: KubernetesProblem[]) =>
  Object.fromEntries(nestProblems(problems).map((g) => [g.cause.id, g.symptoms.map((s) => s.id).sort()]));

describe("groupProblems", () => {
  const report = buildSpireReport(snapshot(), Date.parse("2026-06-01T00:00:00Z"));
  const groups = groupsOf(report.problems);

  it("shows PodSecurity blocking the canary once, with both DaemonSet errors under it", () => {
    expect(groups["pod-security:spire-canary"]).toEqual([
      "ds-not-ready:spire-canary/spiffe-csi-driver",
      "ds-not-ready:spire-canary/spire-agent",
    ]);
    // Unrelated faults stay problems of their own.
    expect(groups["csidriver-missing:csi.spiffe.io"]).toEqual([]);
    expect(groups["bundle-missing:spire/spire-bundle"]).toEqual([]);
  });

  it("puts a NotReady node's agent and CSI pods under it, and the DaemonSets' counts under their pods", () => {
    expect(groups["node-not-ready:node-2"]).toEqual(
      expect.arrayContaining(["agent-pod-unhealthy:node-2", "csi-unhealthy:node-2"]),
    );
    expect(groups["node-not-ready:node-2"]).toEqual(
      expect.arrayContaining(["ds-not-ready:spire/spire-agent", "ds-not-ready:spire/spiffe-csi-driver"]),
    );
  });

  it("explains a pod's failed CSI mount by its node's missing CSI registration", () => {
    expect(groups["csi-unregistered:node-3"]).toEqual(["failed-mount:payments/payments-worker"]);
  });

  it("keeps every problem exactly once and the report's order and counts", () => {
    const nested = nestProblems(report.problems);
    const flat = nested.flatMap((g) => [g.cause, ...g.symptoms]).map((p) => p.id);
    expect(flat.sort()).toEqual(report.problems.map((p) => p.id).sort());
    expect(nested.length).toBeLessThan(report.problems.length);
    for (const g of nested) expect(g.cause.causeId).toBeUndefined();
  });

  it("leaves lone problems alone and never loops on problems that would explain each other", () => {
    const p = (id: string, extra: Partial<KubernetesProblem> = {}): KubernetesProblem => ({
      id,
      severity: "error",
      area: "nodes",
      title: id,
      detail: "",
      fix: "",
      ...extra,
    });
    // Two NotReady reports of one node would explain each other: the first stays the cause.
    const twins = [p("node-not-ready:a", { node: "a" }), p("node-not-ready:b", { node: "a" })];
    expect(groupProblems(twins).map((x) => x.causeId)).toEqual([undefined, "node-not-ready:a"]);
    expect(groupsOf(groupProblems(twins))).toEqual({ "node-not-ready:a": ["node-not-ready:b"] });
    expect(groupProblems([p("bundle-missing:spire/spire-bundle")])).toEqual([p("bundle-missing:spire/spire-bundle")]);
  });
});
