// GET /api/kubernetes/node-workloads: the pods on one node that use the Workload API (a csi.spiffe.io volume or
// the agent's socket hostPath). Witness: the API server's own pod list for that node.
import { describe, expect, it } from "vitest";

import type { NodeWorkloads } from "@/lib/kubernetes/load-node-workloads";

import { kubeRequest } from "../../scripts/k8s/kube-http.ts";
import { readKubeconfigTarget } from "../../scripts/k8s/kubeconfig.ts";
import { NODES, WORKLOADS } from "../../scripts/k8s/topology.ts";
import { apiGet, stackState } from "../support/api";

type KubePod = {
  metadata: { namespace: string; name: string };
  spec: { volumes?: { name: string; csi?: { driver: string } }[] };
};

describe("GET /api/kubernetes/node-workloads", () => {
  it("lists exactly the pods on the node that mount the CSI driver's volume, without SPIRE's own", async () => {
    const node = NODES[0]!.name;
    const { status, body } = await apiGet<NodeWorkloads>(`/api/kubernetes/node-workloads?node=${node}`);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ cluster: "demo", node, server: "foo" });
    const admin = readKubeconfigTarget(stackState().kubernetes!.adminKubeconfig);
    const onNode = await kubeRequest<{ items: KubePod[] }>(
      admin,
      "GET",
      `/api/v1/pods?fieldSelector=${encodeURIComponent(`spec.nodeName=${node}`)}`,
    );
    const withCsi = onNode.items
      .filter((p) => (p.spec.volumes ?? []).some((v) => v.csi?.driver === "csi.spiffe.io"))
      .map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    const listed = body.pods.map((p) => `${p.namespace}/${p.name}`);
    // The seeded workloads on this node: the CSI one is listed, the one without a volume is not.
    const seeded = WORKLOADS.filter((w) => w.node === node);
    expect(seeded.some((w) => w.csi) && seeded.some((w) => !w.csi)).toBe(true);
    for (const w of seeded) expect(listed.includes(`${w.namespace}/${w.name}`), w.name).toBe(w.csi);
    for (const pod of withCsi) expect(listed, pod).toContain(pod);
    expect(listed.some((p) => p.startsWith("spire/"))).toBe(false);
  });

  it("answers 404 for a node the cluster does not have and 400 for a name that is not one", async () => {
    expect((await apiGet("/api/kubernetes/node-workloads?node=no-such-node")).status).toBe(404);
    expect((await apiGet("/api/kubernetes/node-workloads?node=Not_A_Node")).status).toBe(400);
  });
});
