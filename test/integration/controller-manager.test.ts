// spire-controller-manager awareness against the seeded world: the Kubernetes API (admin token)
// and the spire-server CLI are the witnesses.
import { describe, expect, it } from "vitest";

import { CM_GONE_POD_UID, CM_PODS } from "../../scripts/k8s/controller-world.ts";
import { kubeRequest } from "../../scripts/k8s/kube-http.ts";
import { readKubeconfigTarget } from "../../scripts/k8s/kubeconfig.ts";
import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, stackState, waitFor } from "../support/api";

const admin = () => readKubeconfigTarget(stackState().kubernetes!.adminKubeconfig);
type Stats = Record<string, number>;
type Overview = {
  installed: boolean;
  spiffeIds: { object: { name: string; stats: Stats | null }; podsSelected: number; gaps: number }[];
  staticEntries: { object: { name: string; spec: { spiffeID: string } }; entryId: string | null }[];
  federatedTrustDomains: { object: { spec: { trustDomain: string } }; relationship: string }[];
};
type Detail = {
  evaluation: {
    namespacesSelected: string[];
    pods: {
      namespace: string;
      name: string;
      uid: string;
      spiffeId: string | null;
      renderError: string | null;
      entryIds: string[];
    }[];
    gaps: {
      kind: string;
      pod?: { name: string };
      podUid?: string;
      entryId?: string;
      cause?: string;
      fix?: string;
      command?: string | null;
    }[];
  };
};
type Owner = { managed: boolean; owner: { kind: string; name: string } | null };

const cliEntries = async (args: string[]) =>
  (
    await spireServerJson<{ entries: (CliEntry & { id: string })[] | null }>(
      "foo",
      ["entry", "show", ...args],
      stackState(),
    )
  ).entries ?? [];

/** Pods the selectors select, asked of the Kubernetes API with label selectors (not the console's code). */
async function selectedByKubernetes(namespaceSelector: string, podSelector: string): Promise<string[]> {
  const ns = await kubeRequest<{ items: { metadata: { name: string } }[] }>(
    admin(),
    "GET",
    `/api/v1/namespaces?labelSelector=${encodeURIComponent(namespaceSelector)}`,
  );
  const names: string[] = [];
  for (const { metadata } of ns.items) {
    const pods = await kubeRequest<{ items: { metadata: { name: string } }[] }>(
      admin(),
      "GET",
      `/api/v1/namespaces/${metadata.name}/pods?labelSelector=${encodeURIComponent(podSelector)}`,
    );
    names.push(...pods.items.map((p) => `${metadata.name}/${p.metadata.name}`));
  }
  return names.sort();
}

describe("spire-controller-manager awareness", () => {
  it("shows every object with the status numbers the cluster holds", async () => {
    const res = await apiGet<Overview>("/api/controller-manager");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.installed).toBe(true);
    const cluster = await kubeRequest<{ items: { metadata: { name: string }; status: { stats: Stats } }[] }>(
      admin(),
      "GET",
      "/apis/spire.spiffe.io/v1alpha1/clusterspiffeids",
    );
    expect(cluster.items.length).toBeGreaterThanOrEqual(2);
    expect(res.body.spiffeIds.map((s) => [s.object.name, s.object.stats])).toEqual(
      cluster.items
        .map((i) => [i.metadata.name, i.status.stats])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    // The controller's numbers agree with the console's own evaluation of the seeded world.
    for (const s of res.body.spiffeIds) expect(s.podsSelected, s.object.name).toBe(s.object.stats!.podsSelected);
    const mesh = res.body.spiffeIds.find((s) => s.object.name === "shop-mesh")!;
    expect(mesh.object.stats).toMatchObject({ entryFailures: 1, entriesToSet: 3 });

    const staticEntry = res.body.staticEntries.find((s) => s.object.name === "edge-gateway")!;
    const [cliStatic] = await cliEntries(["-spiffeID", staticEntry.object.spec.spiffeID]);
    expect(staticEntry.entryId).toBe(cliStatic!.id);
    expect(res.body.federatedTrustDomains.map((f) => [f.object.spec.trustDomain, f.relationship])).toEqual([
      ["bar.example.com", "same"],
    ]);
  });

  it("evaluates a ClusterSPIFFEID: the pods its selectors select, their entries in SPIRE, and the gaps", async () => {
    const res = await apiGet<Detail>("/api/controller-manager/cluster-spiffe-ids/shop-mesh");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { evaluation } = res.body;
    const pods = evaluation.pods.map((p) => `${p.namespace}/${p.name}`).sort();
    expect(pods).toEqual(await selectedByKubernetes("spire-console.demo/mesh=on", "app in (web,api)"));
    expect(pods).toHaveLength(CM_PODS.filter((p) => p.app !== "batch").length);
    for (const pod of evaluation.pods) {
      const cli = await cliEntries(["-selector", `k8s:pod-uid:${pod.uid}`]);
      expect(pod.entryIds.sort(), pod.name).toEqual(cli.map((e) => e.id).sort());
      expect(pod.spiffeId).toMatch(/^spiffe:\/\/foo\.example\.com\/ns\/shop\/sa\/(web|api)$/);
    }
    const api = CM_PODS.find((p) => p.app === "api")!.name;
    expect(evaluation.gaps.filter((g) => g.kind === "pod-without-entry").map((g) => g.pod!.name)).toEqual([api]);
    const stale = evaluation.gaps.filter((g) => g.kind === "entry-without-pod");
    expect(stale.map((g) => g.podUid)).toEqual([CM_GONE_POD_UID]);
    expect((await cliEntries(["-selector", `k8s:pod-uid:${CM_GONE_POD_UID}`])).map((e) => e.id)).toEqual([
      stale[0]!.entryId,
    ]);

    const batch = await apiGet<Detail>("/api/controller-manager/cluster-spiffe-ids/shop-batch");
    const batchPod = CM_PODS.find((p) => p.app === "batch")!.name;
    expect(batch.body.evaluation.pods.map((p) => [p.name, p.spiffeId, p.renderError])).toEqual([
      [batchPod, null, '.PodMeta.Labels has no entry for key "team"'],
    ]);
    // The render failure is a gap, with its cause and fix, and the list agrees with its detail.
    expect(batch.body.evaluation.gaps).toEqual([
      expect.objectContaining({
        kind: "render-failure",
        pod: expect.objectContaining({ name: batchPod }),
        cause: expect.stringMatching(/lacks the label "team" that shop-batch's SPIFFE ID template reads/),
        command: expect.stringMatching(new RegExp(`^kubectl label pod -n \\S+ ${batchPod} team=<value>$`)),
      }),
    ]);
    const listed = (await apiGet<Overview>("/api/controller-manager")).body.spiffeIds;
    expect(listed.find((s) => s.object.name === "shop-batch")!.gaps).toBe(1);
    // The pod really lacks the label, as the Kubernetes API says.
    const batchPods = await selectedByKubernetes("", "app=batch");
    expect(batchPods.some((p) => p.endsWith(`/${batchPod}`))).toBe(true);
    expect(await selectedByKubernetes("", "app=batch,team")).toEqual([]);
    expect((await apiGet("/api/controller-manager/cluster-spiffe-ids/nope")).status).toBe(404);
  });

  it("marks controller-owned entries with the object that renders them", async () => {
    const web = (
      await apiGet<Detail>("/api/controller-manager/cluster-spiffe-ids/shop-mesh")
    ).body.evaluation.pods.find((p) => p.entryIds.length)!;
    const owner = await apiGet<Owner>(`/api/servers/foo/entries/${web.entryIds[0]}/owner`);
    expect(owner.body).toMatchObject({ managed: true, owner: { kind: "ClusterSPIFFEID", name: "shop-mesh" } });
    const [edge] = await cliEntries(["-spiffeID", "spiffe://foo.example.com/static/edge-gateway"]);
    expect((await apiGet<Owner>(`/api/servers/foo/entries/${edge!.id}/owner`)).body.owner).toEqual({
      kind: "ClusterStaticEntry",
      name: "edge-gateway",
    });
    const [consoleEntry] = await cliEntries(["-spiffeID", "spiffe://foo.example.com/console"]);
    expect((await apiGet<Owner>(`/api/servers/foo/entries/${consoleEntry!.id}/owner`)).body).toMatchObject({
      managed: false,
      owner: null,
    });
  });
});

/** The ClusterSPIFFEIDs of one stack cluster, asked of its kube-apiserver with the admin kubeconfig. */
async function spiffeIdsIn(name: string): Promise<string[]> {
  const found = stackState().kubernetes?.clusters?.find((c) => c.name === name);
  if (!found) throw new Error(`the stack has no cluster ${name}`);
  const list = await kubeRequest<{ items: { metadata: { name: string } }[] }>(
    readKubeconfigTarget(found.adminKubeconfig),
    "GET",
    "/apis/spire.spiffe.io/v1alpha1/clusterspiffeids",
  );
  return list.items.map((i) => i.metadata.name).sort();
}

type ClusterOverview = Overview & { cluster: string; clusters: string[] };
const names = (o: Overview) => o.spiffeIds.map((s) => s.object.name).sort();

describe("the controller-manager view per cluster", () => {
  it("shows edge's ClusterSPIFFEIDs with ?cluster=edge, and demo's by default", async () => {
    // `stack up` re-applies edge's CRDs: its apiserver answers 429 "storage is (re)initializing" for a moment.
    await waitFor(
      () =>
        apiGet("/api/controller-manager?cluster=edge").then((r) =>
          r.status === 429 || r.status === 503 ? undefined : r,
        ),
      15_000,
      "edge's CRD storage ready",
    );
    const [edge, demo, plain] = await Promise.all([
      apiGet<ClusterOverview>("/api/controller-manager?cluster=edge"),
      apiGet<ClusterOverview>("/api/controller-manager?cluster=demo"),
      apiGet<ClusterOverview>("/api/controller-manager"),
    ]);
    expect(edge.status, JSON.stringify(edge.body)).toBe(200);
    expect(edge.body).toMatchObject({ cluster: "edge", clusters: ["demo", "edge"], installed: true });
    const edgeNames = await spiffeIdsIn("edge");
    expect(edgeNames).toContain("storefront-cart");
    expect(names(edge.body)).toEqual(edgeNames);
    expect(demo.body.cluster).toBe("demo");
    expect(names(demo.body)).toEqual(await spiffeIdsIn("demo"));
    expect(names(demo.body)).not.toEqual(names(edge.body));
    expect(plain.body.cluster).toBe("demo");
    expect(names(plain.body)).toEqual(names(demo.body));
  });

  it("evaluates a ClusterSPIFFEID in the cluster asked for", async () => {
    const cart = await apiGet<Detail & { cluster: string }>(
      "/api/controller-manager/cluster-spiffe-ids/storefront-cart?cluster=edge",
    );
    expect(cart.status, JSON.stringify(cart.body)).toBe(200);
    expect(cart.body.cluster).toBe("edge");
    expect(cart.body.evaluation.pods.map((p) => `${p.namespace}/${p.name}`).sort()).toEqual(
      await selectedByKubernetesIn("edge", "app=storefront-cart"),
    );
    // storefront-cart is edge's, not demo's: asked of demo it is not there.
    expect((await apiGet("/api/controller-manager/cluster-spiffe-ids/storefront-cart")).status).toBe(404);
  });

  it("answers 404 with a typed error for a cluster that is not configured, 400 for a bad name", async () => {
    for (const path of ["/api/controller-manager", "/api/controller-manager/cluster-spiffe-ids/shop-mesh"]) {
      const unknown = await apiGet<{ error: { code: string; message: string } }>(`${path}?cluster=nowhere`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toMatchObject({ code: "not_found", message: expect.stringContaining("nowhere") });
      const bad = await apiGet<{ error: { code: string } }>(`${path}?cluster=Not%20A%20Name`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("invalid_argument");
    }
  });
});

/** Pods of one stack cluster with a label, asked of its kube-apiserver. */
async function selectedByKubernetesIn(name: string, podSelector: string): Promise<string[]> {
  const found = stackState().kubernetes!.clusters!.find((c) => c.name === name)!;
  const pods = await kubeRequest<{ items: { metadata: { namespace: string; name: string } }[] }>(
    readKubeconfigTarget(found.adminKubeconfig),
    "GET",
    `/api/v1/pods?labelSelector=${encodeURIComponent(podSelector)}`,
  );
  return pods.items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).sort();
}
