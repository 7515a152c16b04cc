import { describe, expect, it } from "vitest";

import type { K8sNode } from "@/lib/k8s/types";
import { daemonSet, deploymentNames, pod, template } from "@/test/fixtures/k8s-objects";

import { buildSpireReport, type KubernetesSnapshot } from "./build-report";

const node = (name: string, server: string): K8sNode => ({
  name,
  uid: `uid-${name}`,
  labels: { "spire.example.com/server": server },
  ready: true,
  internalIP: null,
  kubeletVersion: null,
  createdAt: null,
});

const onNodes = (server: string) => template({ nodeSelector: { "spire.example.com/server": server } });

/** Cluster demo: foo's deployment in `spire` on node-1, bar's in `spire-bar` on node-2 (not ready), a canary. */
function snapshot(names: Partial<KubernetesSnapshot["names"]>): KubernetesSnapshot {
  const ns = names.namespace ?? "spire";
  return {
    names: deploymentNames(ns, names),
    cluster: {
      name: "demo",
      server: "https://127.0.0.1:6443",
      source: "in-cluster service account",
      psatCluster: "demo",
    },
    nodes: [node("node-1", "foo"), node("node-2", "bar")],
    namespaces: [],
    daemonSets: [
      daemonSet("spire-agent", { desired: 1, current: 1, ready: 1, available: 1, updated: 1 }, onNodes("foo"), "spire"),
      daemonSet(
        "spire-agent",
        { desired: 1, current: 1, ready: 0, available: 0, updated: 1 },
        onNodes("bar"),
        "spire-bar",
      ),
      daemonSet(
        "spire-agent",
        { desired: 1, current: 0, ready: 0, available: 0, updated: 0 },
        template(),
        "spire-canary",
      ),
    ],
    statefulSet: null,
    serverPods: [],
    pods: [
      pod(ns === "spire" ? "agent-a" : "agent-b", ns === "spire" ? "node-1" : "node-2", "spire-agent", {
        namespace: ns,
      }),
    ],
    csiDriver: null,
    csiNodes: [],
    warningEvents: [],
    failedMountEvents: [],
    bundleConfigMap: null,
    spire: { serverName: null, agents: null, agentsError: null, authorities: null, bundleError: null },
  };
}

const ids = (names: Partial<KubernetesSnapshot["names"]>) =>
  buildSpireReport(snapshot(names), Date.parse("2026-06-01T00:00:00Z")).problems.map((p) => p.id);

describe("a deployment's report in a cluster shared with other deployments", () => {
  it("keeps to the nodes its agent DaemonSet selects", () => {
    const report = buildSpireReport(snapshot({ otherNamespaces: ["spire-bar"], primary: true }), 0);
    expect(report.matrix.rows.map((r) => r.node)).toEqual(["node-1"]);
  });

  it("leaves the other deployment's namespace to it; the first deployment answers for unconfigured installs", () => {
    const foo = ids({ otherNamespaces: ["spire-bar"], primary: true });
    expect(foo).toContain("ds-not-ready:spire-canary/spire-agent");
    expect(foo.filter((id) => id.includes("spire-bar"))).toEqual([]);
  });

  it("gives a further deployment only its own namespace's findings", () => {
    const bar = ids({ namespace: "spire-bar", otherNamespaces: ["spire"], primary: false });
    expect(bar).toContain("ds-not-ready:spire-bar/spire-agent");
    expect(bar.filter((id) => id.includes("canary") || id.includes("spire/"))).toEqual([]);
  });

  it("looks for no server StatefulSet when the server runs elsewhere", () => {
    expect(ids({ otherNamespaces: [], primary: true }).filter((id) => id.startsWith("sts-"))).toEqual([]);
    expect(ids({ serverInCluster: true, otherNamespaces: [], primary: true })).toContain(
      "sts-missing:spire/spire-server",
    );
  });
});
