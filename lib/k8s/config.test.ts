import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { loadK8sLibraryIfConfigured, resolveK8sClusters, resolveK8sConfig } from "./config";

const dir = mkdtempSync(path.join(tmpdir(), "k8s-config-"));

function kubeconfig(file: string, cluster: string, server: string) {
  const config = {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: cluster, cluster: { server } }],
    users: [{ name: "u", user: { token: "t" } }],
    contexts: [{ name: cluster, context: { cluster, user: "u" } }],
    "current-context": cluster,
  };
  writeFileSync(path.join(dir, file), JSON.stringify(config));
}

function consoleConfig(kubernetes: unknown) {
  const file = path.join(dir, `console-${Math.random().toString(36).slice(2)}.json`);
  const servers = [{ name: "foo", address: "unix:///tmp/none.sock", trustDomain: "foo.example.com" }];
  writeFileSync(file, JSON.stringify({ servers, kubernetes }));
  process.env.SPIRE_CONSOLE_CONFIG = file;
}

describe("resolving the configured clusters", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    kubeconfig("demo.kubeconfig", "demo", "https://127.0.0.1:6443");
    kubeconfig("edge.kubeconfig", "edge", "https://127.0.0.1:7443");
    delete process.env.KUBECONFIG;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  // First in the file: the client library is not loaded in this process yet.
  it("loads the client library only for a configured cluster, and says it is loading meanwhile", async () => {
    consoleConfig(undefined);
    await loadK8sLibraryIfConfigured();
    expect(Object.hasOwn(globalThis, "__k8sLibraryLoading")).toBe(false);
    consoleConfig({ kubeconfig: "demo.kubeconfig", spireServer: "foo" });
    // Configured after the start: the first resolution starts the load and is not remembered.
    expect(resolveK8sConfig()).toMatchObject({ status: "invalid", message: expect.stringContaining("is loading") });
    await loadK8sLibraryIfConfigured();
    expect(resolveK8sConfig()).toMatchObject({ status: "ok", cluster: { name: "demo" } });
  });

  it("keeps today's single section: one cluster named after the kubeconfig's, one deployment as before", () => {
    consoleConfig({ kubeconfig: "demo.kubeconfig", namespace: "spire", spireServer: "foo" });
    const state = resolveK8sConfig();
    expect(state.status).toBe("ok");
    if (state.status !== "ok") return;
    expect(state.cluster).toEqual({ name: "demo", server: "https://127.0.0.1:6443" });
    expect([state.clusterName, state.deploymentName]).toEqual(["demo", "foo"]);
    expect(state.settings).toMatchObject({ namespace: "spire", serverNamespace: "spire", timeoutMs: 5_000 });
    // As before: the k8s_psat cluster defaults to the kubeconfig's cluster name (left to the reader).
    expect(state.settings.psatCluster).toBeUndefined();
  });

  it("resolves each cluster on its own: one missing kubeconfig marks only that cluster", () => {
    consoleConfig({
      clusters: [
        { name: "demo", kubeconfig: "demo.kubeconfig", deployments: [{ spireServer: "foo" }, { spireServer: "bar" }] },
        { name: "edge", kubeconfig: "edge.kubeconfig" },
        { name: "gone", kubeconfig: "missing.kubeconfig" },
      ],
    });
    const all = resolveK8sClusters();
    expect(all.status).toBe("ok");
    if (all.status !== "ok") return;
    expect(all.clusters.map((c) => [c.name, c.status])).toEqual([
      ["demo", "ok"],
      ["edge", "ok"],
      ["gone", "invalid"],
    ]);
    const bar = resolveK8sConfig({ cluster: "demo", deployment: "bar" });
    expect(bar.status === "ok" && [bar.settings.spireServer, bar.settings.psatCluster]).toEqual(["bar", "demo"]);
    const edge = resolveK8sConfig({ cluster: "edge" });
    expect(edge.status === "ok" && [edge.cluster.server, edge.deploymentName]).toEqual([
      "https://127.0.0.1:7443",
      "spire",
    ]);
    expect(resolveK8sConfig({ cluster: "nowhere" })).toMatchObject({ status: "invalid" });
    expect(resolveK8sConfig({ cluster: "gone" })).toMatchObject({
      status: "invalid",
      message: expect.stringContaining("missing.kubeconfig does not exist"),
    });
  });

  it("says not configured without a kubeconfig, KUBECONFIG or a service account", () => {
    consoleConfig(undefined);
    expect(resolveK8sConfig()).toMatchObject({ status: "not_configured" });
  });
});
