import { describe, expect, it } from "vitest";

import { kubernetesConfigSchema, toClusterList } from "./kubernetes-schema";

const parse = (raw: unknown) => kubernetesConfigSchema.safeParse(raw);

describe("the kubernetes config section", () => {
  it("reads today's single-cluster section as one cluster with one deployment, same names and defaults", () => {
    const section = parse({ kubeconfig: "/k/config", namespace: "spire-system", spireServer: "foo", timeoutMs: 800 });
    expect(section.success).toBe(true);
    const clusters = toClusterList(section.data);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ name: undefined, kubeconfig: "/k/config", timeoutMs: 800 });
    expect(clusters[0]!.deployments).toEqual([
      {
        namespace: "spire-system",
        serverStatefulSet: "spire-server",
        serverInCluster: true,
        agentDaemonSet: "spire-agent",
        csiDaemonSet: "spiffe-csi-driver",
        csiDriver: "csi.spiffe.io",
        bundleConfigMap: "spire-bundle",
        spireServer: "foo",
        controllerManager: { ignoreNamespaces: ["kube-system", "kube-public", "spire-system"] },
      },
    ]);
  });

  it("reads no section as one cluster (KUBECONFIG or in-cluster) with the chart's names", () => {
    const [cluster] = toClusterList(undefined);
    expect(cluster).toMatchObject({ name: undefined, timeoutMs: 5_000 });
    expect(cluster!.deployments[0]).toMatchObject({ namespace: "spire", agentDaemonSet: "spire-agent" });
  });

  it("reads a list of clusters, each with its deployments and the section's timeout as the default", () => {
    const section = parse({
      timeoutMs: 1_500,
      clusters: [
        {
          name: "demo",
          kubeconfig: "demo.kubeconfig",
          deployments: [
            { spireServer: "foo", namespace: "spire" },
            { name: "bar", spireServer: "bar", namespace: "spire-bar", psatCluster: "demo" },
          ],
        },
        { name: "edge", context: "edge", timeoutMs: 900 },
      ],
    });
    expect(section.success, JSON.stringify(section.error?.issues)).toBe(true);
    const clusters = toClusterList(section.data);
    expect(clusters.map((c) => [c.name, c.timeoutMs, c.deployments.length])).toEqual([
      ["demo", 1_500, 2],
      ["edge", 900, 1],
    ]);
    expect(clusters[0]!.deployments[1]).toMatchObject({ name: "bar", namespace: "spire-bar", psatCluster: "demo" });
    expect(clusters[1]!.deployments[0]).toMatchObject({ namespace: "spire" });
  });

  it("refuses a single-cluster key next to clusters, a repeated cluster and a repeated deployment", () => {
    const result = parse({
      namespace: "spire",
      clusters: [
        { name: "demo", deployments: [{ spireServer: "foo" }, { name: "foo" }] },
        { name: "demo", kubeconfig: "x" },
      ],
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["namespace", "'namespace' belongs to a cluster or a deployment when 'clusters' is given"],
        ["clusters.0.deployments.1.name", "deployment name 'foo' is used twice in cluster 'demo'"],
        ["clusters.1.name", "cluster 'demo' is listed twice"],
      ]),
    );
  });

  it("refuses a cluster name that cannot be part of a URL, and an empty list", () => {
    expect(parse({ clusters: [{ name: "Edge/1" }] }).success).toBe(false);
    expect(parse({ clusters: [] }).success).toBe(false);
  });
});
