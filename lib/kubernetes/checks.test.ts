import { describe, expect, it } from "vitest";

import type { K8sEvent, K8sNamespace } from "@/lib/k8s/types";
import { daemonSet, pod, template } from "@/test/fixtures/k8s-objects";

import { checkCsiDriver } from "./check-csi-driver";
import { compareBundle } from "./compare-bundle";
import { checkPodSecurity } from "./pod-security";
import { checkSocketPaths } from "./socket-paths";
import { csiFailedMounts, failedMountProblems, recentWarnings } from "./warning-events";
import { compareCoverage, summarizeDaemonSet } from "./workloads";

const socketDs = (name: string, dir: string) =>
  daemonSet(
    name,
    {},
    template({ hostPaths: [{ volume: "spire-agent-socket-dir", path: dir, type: "DirectoryOrCreate" }] }),
  );

describe("summarizeDaemonSet", () => {
  it("is healthy when every desired pod is ready, available and updated", () => {
    const { summary, problems } = summarizeDaemonSet(daemonSet("spire-agent"), "spire", "spire-agent", "agents");
    expect(summary.healthy).toBe(true);
    expect(problems).toEqual([]);
  });

  it("says how many pods are not ready, and points at FailedCreate when pods are missing", () => {
    expect(
      summarizeDaemonSet(daemonSet("spiffe-csi-driver", { ready: 2, available: 2 }), "spire", "x", "csi-driver")
        .problems[0]?.title,
    ).toBe("1 of 3 spiffe-csi-driver pods are not ready");
    const blocked = summarizeDaemonSet(
      daemonSet("spire-agent", { current: 0, ready: 0, available: 0, updated: 0 }),
      "spire",
      "x",
      "agents",
    );
    expect(blocked.problems[0]?.fix).toContain("FailedCreate");
  });

  it("reports misscheduled pods and a missing DaemonSet", () => {
    expect(
      summarizeDaemonSet(daemonSet("a", { misscheduled: 1 }), "spire", "a", "agents").problems.map((p) => p.id),
    ).toEqual(["ds-misscheduled:spire/a"]);
    expect(summarizeDaemonSet(null, "spire", "spire-agent", "agents").problems[0]?.id).toBe(
      "ds-missing:spire/spire-agent",
    );
  });
});

describe("compareCoverage", () => {
  it("reports nodes with a CSI pod but no agent", () => {
    const nodes = ["n1", "n2"].map((name) => ({
      name,
      uid: name,
      labels: {},
      ready: true,
      internalIP: null,
      kubeletVersion: null,
      createdAt: null,
    }));
    const { coverage, problems } = compareCoverage(
      nodes,
      [pod("a1", "n1", "spire-agent")],
      [pod("c1", "n1", "c"), pod("c2", "n2", "c")],
    );
    expect(coverage).toMatchObject({ sameNodes: false, csiOnly: ["n2"], agentOnly: [] });
    expect(problems[0]?.id).toBe("coverage:csi-only");
  });
});

describe("checkCsiDriver", () => {
  it("accepts the chart's CSIDriver", () => {
    const { report, problems } = checkCsiDriver(
      {
        name: "csi.spiffe.io",
        attachRequired: false,
        podInfoOnMount: true,
        volumeLifecycleModes: ["Ephemeral"],
        fsGroupPolicy: "None",
      },
      "csi.spiffe.io",
    );
    expect(report.healthy).toBe(true);
    expect(problems).toEqual([]);
  });

  it("names each wrong field with the expected value", () => {
    const { problems } = checkCsiDriver(
      {
        name: "csi.spiffe.io",
        attachRequired: true,
        podInfoOnMount: null,
        volumeLifecycleModes: ["Persistent"],
        fsGroupPolicy: null,
      },
      "csi.spiffe.io",
    );
    expect(problems.map((p) => p.title)).toEqual([
      "CSIDriver csi.spiffe.io: attachRequired is true, expected false",
      "CSIDriver csi.spiffe.io: podInfoOnMount is (unset), expected true",
      "CSIDriver csi.spiffe.io: volumeLifecycleModes is Persistent, expected Ephemeral",
    ]);
  });
});

describe("checkSocketPaths", () => {
  it("accepts one shared directory, trailing slash or not", () => {
    expect(
      checkSocketPaths(
        "spire",
        socketDs("spire-agent", "/run/spire/agent-sockets/"),
        socketDs("spiffe-csi-driver", "/run/spire/agent-sockets"),
      ).check.consistent,
    ).toBe(true);
  });

  it("reports the two directories when they differ", () => {
    const { check, problems } = checkSocketPaths(
      "spire-canary",
      socketDs("spire-agent", "/run/spire/sockets"),
      socketDs("spiffe-csi-driver", "/run/spire/agent-sockets"),
    );
    expect(check).toEqual({
      namespace: "spire-canary",
      agentDir: "/run/spire/sockets",
      csiDir: "/run/spire/agent-sockets",
      consistent: false,
    });
    expect(problems[0]?.title).toBe(
      "Socket path mismatch in spire-canary: the agent uses /run/spire/sockets, the CSI driver mounts /run/spire/agent-sockets",
    );
  });
});

describe("checkPodSecurity", () => {
  const csi = template({
    privilegedContainers: ["spiffe-csi-driver"],
    hostPaths: [{ volume: "spire-agent-socket-dir", path: "/run", type: null }],
  });
  it("blocks privileged pods under baseline and restricted, not under privileged or no label", () => {
    const namespaces: K8sNamespace[] = [
      { name: "a", labels: { "pod-security.kubernetes.io/enforce": "baseline" } },
      { name: "b", labels: { "pod-security.kubernetes.io/enforce": "privileged" } },
      { name: "c", labels: {} },
      { name: "d", labels: { "pod-security.kubernetes.io/enforce": "restricted" } },
    ];
    const { checks, problems } = checkPodSecurity(
      namespaces,
      ["a", "b", "c", "d"].map((namespace) => ({ namespace, component: "spiffe-csi-driver", template: csi })),
    );
    expect(checks.map((c) => [c.namespace, c.blocked])).toEqual([
      ["a", true],
      ["b", false],
      ["c", false],
      ["d", true],
    ]);
    expect(problems[0]?.detail).toContain("privileged container(s) spiffe-csi-driver");
  });
});

describe("events", () => {
  const ev = (over: Partial<K8sEvent>): K8sEvent => ({
    namespace: "payments",
    name: "e",
    type: "Warning",
    reason: "FailedMount",
    message: "",
    involved: { kind: "Pod", name: "p" },
    count: 3,
    lastSeen: "2026-01-01T10:00:00.000Z",
    source: "kubelet",
    host: "n3",
    ...over,
  });
  it("keeps FailedMount events naming the driver and explains the unregistered case", () => {
    const events = [
      ev({ message: "driver name csi.spiffe.io not found in the list of registered CSI drivers" }),
      ev({ message: "secret not found" }),
    ];
    const mounts = csiFailedMounts(events, "csi.spiffe.io");
    expect(mounts).toHaveLength(1);
    expect(failedMountProblems(mounts, "csi.spiffe.io")[0]?.fix).toContain("node-driver-registrar");
  });
  it("lists only warnings from the last day, newest first", () => {
    const now = Date.parse("2026-01-02T09:00:00.000Z");
    const events = [
      ev({ name: "old", lastSeen: "2025-12-30T00:00:00.000Z" }),
      ev({ name: "a" }),
      ev({ name: "b", lastSeen: "2026-01-02T08:00:00.000Z" }),
      ev({ name: "n", type: "Normal" }),
    ];
    expect(recentWarnings(events, now).map((e) => e.name)).toEqual(["b", "a"]);
  });
});

describe("compareBundle", () => {
  const cm = (prints: string[]) => ({
    namespace: "spire",
    name: "spire-bundle",
    key: "bundle.crt",
    certificates: prints.map((fingerprint) => ({ subject: "CN=x", notAfter: "2027-01-01T00:00:00.000Z", fingerprint })),
  });
  const where = { namespace: "spire", name: "spire-bundle", serverName: "foo" };
  it("is up to date when every server CA is in the ConfigMap", () => {
    const { comparison, problems } = compareBundle(
      cm(["a"]),
      [{ fingerprint: "a", notAfter: "2027-01-01T00:00:00.000Z" }],
      where,
      0,
    );
    expect(comparison.upToDate).toBe(true);
    expect(problems).toEqual([]);
  });
  it("is stale when the server has a CA the ConfigMap lacks", () => {
    const { comparison, problems } = compareBundle(
      cm(["a"]),
      [
        { fingerprint: "a", notAfter: null },
        { fingerprint: "b", notAfter: "2028-01-01T00:00:00.000Z" },
      ],
      where,
      0,
    );
    expect(comparison).toMatchObject({
      upToDate: false,
      missing: ["b"],
      serverNotAfter: "2028-01-01T00:00:00.000Z",
      configMapNotAfter: "2027-01-01T00:00:00.000Z",
    });
    expect(problems[0]?.id).toBe("bundle-stale:spire/spire-bundle");
  });
  it("cannot judge without the server's bundle", () => {
    expect(compareBundle(cm(["a"]), null, where, 0).comparison.upToDate).toBeNull();
  });
});
