// GET /api/kubernetes/spire against the real local kube-apiserver seeded by stack:up (scripts/k8s):
// every seeded fault is reported with its fix, every healthy part is reported healthy. The
// API server itself (admin token) is the independent witness.
import { beforeAll, describe, expect, it } from "vitest";

import type { KubernetesSpireReport } from "@/lib/kubernetes/build-report";

import { kubeRequest } from "../../scripts/k8s/kube-http.ts";
import { readKubeconfigTarget } from "../../scripts/k8s/kubeconfig.ts";
import { CANARY_NAMESPACE, FAULTS, NODES } from "../../scripts/k8s/topology.ts";
import { apiGet, stackState } from "../support/api";

let report: KubernetesSpireReport;
const problem = (id: string) => report.problems.find((p) => p.id === id);
const admin = () => readKubeconfigTarget(stackState().kubernetes!.adminKubeconfig);

beforeAll(async () => {
  const response = await apiGet<KubernetesSpireReport>("/api/kubernetes/spire");
  expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(200);
  report = response.body;
});

describe("GET /api/kubernetes/spire", () => {
  it("reads the cluster the stack started, through the console's read-only kubeconfig", () => {
    const k8s = stackState().kubernetes!;
    expect(report.cluster).toMatchObject({ name: "demo", server: k8s.server });
    expect(report.cluster.source).toContain(k8s.consoleKubeconfig);
  });

  it("reports the spire-server StatefulSet and the agent DaemonSet healthy, with the API server's numbers", async () => {
    expect(report.server).toMatchObject({
      found: true,
      replicas: 1,
      readyReplicas: 1,
      rolloutPending: false,
      restarts: 0,
      healthy: true,
    });
    const ds = await kubeRequest<{ status: { numberReady: number; desiredNumberScheduled: number } }>(
      admin(),
      "GET",
      "/apis/apps/v1/namespaces/spire/daemonsets/spire-agent",
    );
    expect(report.agents.numbers).toMatchObject({
      desired: ds.status.desiredNumberScheduled,
      ready: ds.status.numberReady,
      misscheduled: 0,
    });
    expect(report.agents.healthy).toBe(true);
    expect(report.coverage.sameNodes).toBe(true);
  });

  it("reports the CSI DaemonSet degraded: 2 of 3 ready", () => {
    expect(report.csi).toMatchObject({
      healthy: false,
      numbers: expect.objectContaining({ desired: 3, current: 3, ready: 2 }),
    });
    expect(problem("ds-not-ready:spire/spiffe-csi-driver")?.title).toBe("1 of 3 spiffe-csi-driver pods are not ready");
  });

  it("accepts the CSIDriver spec field by field", () => {
    expect(report.csiDriver.healthy).toBe(true);
    expect(report.csiDriver.checks.map((c) => [c.field, c.ok])).toEqual([
      ["attachRequired", true],
      ["podInfoOnMount", true],
      ["volumeLifecycleModes", true],
    ]);
  });

  it("finds the crash-looping CSI pod with its restart count", async () => {
    const node = NODES.find((n) => n.name === FAULTS.crashLoopNode)!;
    const pod = await kubeRequest<{ status: { containerStatuses: { name: string; restartCount: number }[] } }>(
      admin(),
      "GET",
      `/api/v1/namespaces/spire/pods/${node.csiPod}`,
    );
    const restarts = pod.status.containerStatuses.find((c) => c.name === "spiffe-csi-driver")!.restartCount;
    const row = report.matrix.rows.find((r) => r.node === node.name)!;
    expect(row.csiPod).toMatchObject({ name: node.csiPod, status: "CrashLoopBackOff", restarts, healthy: false });
    expect(problem(`csi-crashloop:${node.name}`)?.title).toContain(`restarted ${restarts} times`);
  });

  it("finds the node whose CSINode lacks csi.spiffe.io, and only that one", () => {
    expect(report.matrix.rows.filter((r) => !r.csiRegistered).map((r) => r.node)).toEqual([FAULTS.unregisteredNode]);
    expect(problem(`csi-unregistered:${FAULTS.unregisteredNode}`)?.fix).toContain("node-driver-registrar");
  });

  it("reports the FailedMount event naming the CSI driver on the workload pod", () => {
    const { namespace, name } = FAULTS.failedMountPod;
    expect(report.events.failedMounts.map((e) => `${e.namespace}/${e.involved.name}`)).toEqual([
      `${namespace}/${name}`,
    ]);
    expect(report.events.failedMounts[0]!.message).toContain(
      "driver name csi.spiffe.io not found in the list of registered CSI drivers",
    );
    expect(problem(`failed-mount:${namespace}/${name}`)?.severity).toBe("error");
  });

  it("finds the socket-path mismatch in the canary install and agreement in the main one", () => {
    const sockets = Object.fromEntries(report.installations.map((i) => [i.namespace, i.sockets]));
    expect(sockets.spire).toMatchObject({ agentDir: FAULTS.socketDir, csiDir: FAULTS.socketDir, consistent: true });
    expect(sockets[CANARY_NAMESPACE]).toMatchObject({
      agentDir: FAULTS.canaryAgentSocketDir,
      csiDir: FAULTS.socketDir,
      consistent: false,
    });
    expect(problem(`socket-mismatch:${CANARY_NAMESPACE}`)?.fix).toContain("same path");
  });

  it("flags PodSecurity baseline in the canary namespace, which the API server really enforces", async () => {
    const checks = Object.fromEntries(report.podSecurity.map((c) => [c.namespace, c]));
    expect(checks.spire).toMatchObject({ enforce: "privileged", blocked: false });
    expect(checks[CANARY_NAMESPACE]).toMatchObject({ enforce: "baseline", blocked: true });
    const refused = await kubeRequest(admin(), "POST", `/api/v1/namespaces/${CANARY_NAMESPACE}/pods?dryRun=All`, {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "probe" },
      spec: { containers: [{ name: "c", image: "x", securityContext: { privileged: true } }] },
    }).then(
      () => "admitted",
      (e: Error) => e.message,
    );
    expect(refused).toContain("violates PodSecurity");
  });

  it("lists recent warning events of the spire namespace, not Normal ones", () => {
    expect(report.events.warnings.map((e) => e.reason)).toContain("BackOff");
    expect(report.events.warnings.every((e) => e.type === "Warning")).toBe(true);
  });

  it("compares the spire-bundle ConfigMap with foo's current bundle: up to date", () => {
    expect(report.bundle).toMatchObject({ found: true, upToDate: true, missing: [] });
    expect(report.bundle.configMapNotAfter).toBe(report.bundle.serverNotAfter);
  });

  it("states every problem with a fix", () => {
    expect(report.problems.length).toBeGreaterThanOrEqual(6);
    for (const p of report.problems) expect(p.fix.length, p.id).toBeGreaterThan(10);
  });
});
