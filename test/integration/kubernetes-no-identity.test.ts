// Workloads with no identity (issue 24, item 4): per cluster, pods that mount the SPIFFE CSI volume or an agent
// socket but match no entry and no ClusterSPIFFEID, with why; suppression rules stored and audited. Witnesses:
// kubectl against both API servers (which pods mount what, on which node) and `spire-server entry show`.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { afterAll, describe, expect, it } from "vitest";

import type { NoIdentityResponse } from "@/lib/no-identity/load-no-identity";
import type { IdentitySuppression } from "@/lib/no-identity/suppression";

import { FAULTS } from "../../scripts/k8s/topology.ts";
import { BAR_FAULTS } from "../../scripts/k8s/world-bar.ts";
import { EDGE_FAULTS } from "../../scripts/k8s/world-edge.ts";
import { type CliEntry, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, consoleFetch, stackState } from "../support/api";
import { auditRecords } from "../support/audit";
import { createToken } from "../support/auth";
import { send } from "../support/entry-writes";

const run = promisify(execFile);

type KubePod = {
  metadata: { namespace: string; name: string; ownerReferences?: { kind: string }[] };
  spec: {
    nodeName?: string;
    serviceAccountName?: string;
    volumes?: { csi?: { driver: string }; hostPath?: { path: string } }[];
  };
};

function kubeconfigOf(cluster: string): string {
  const found = stackState().kubernetes?.clusters?.find((c) => c.name === cluster);
  if (!found) throw new Error(`the stack has no cluster ${cluster}`);
  return found.adminKubeconfig;
}

async function kubectl<T>(cluster: string, ...args: string[]): Promise<T> {
  const { stdout } = await run("kubectl", ["--kubeconfig", kubeconfigOf(cluster), ...args, "-o", "json"]);
  return JSON.parse(stdout) as T;
}

/**
 * kubectl's view: every workload pod mounting csi.spiffe.io or a hostPath under /run/spire, by `namespace/name`
 * (SPIRE's own pods, in the spire* namespaces or of a DaemonSet, left out).
 */
async function mountingPods(cluster: string): Promise<Map<string, KubePod>> {
  const { items } = await kubectl<{ items: KubePod[] }>(cluster, "get", "pods", "-A");
  const spires = (p: KubePod) =>
    p.metadata.namespace.startsWith("spire") || (p.metadata.ownerReferences ?? []).some((o) => o.kind === "DaemonSet");
  const mounts = (p: KubePod) =>
    !spires(p) &&
    (p.spec.volumes ?? []).some((v) => v.csi?.driver === "csi.spiffe.io" || v.hostPath?.path.startsWith("/run/spire"));
  return new Map(items.filter(mounts).map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p]));
}

async function cliEntries(server: "foo" | "bar"): Promise<CliEntry[]> {
  return (await spireServerJson<{ entries?: CliEntry[] }>(server, ["entry", "show"], stackState())).entries ?? [];
}

const has = (e: CliEntry, selector: string) => e.selectors.some((s) => `${s.type}:${s.value}` === selector);

async function noIdentity(cluster?: string): Promise<NoIdentityResponse> {
  const { status, body } = await apiGet<NoIdentityResponse>(
    `/api/kubernetes/no-identity${cluster ? `?cluster=${cluster}` : ""}`,
  );
  expect(status).toBe(200);
  return body;
}

const clusterOf = (body: NoIdentityResponse, name: string) => {
  const found = body.clusters.find((c) => c.cluster === name);
  if (!found) throw new Error(`no cluster ${name} in the answer`);
  expect(found.status).toBe("ok");
  return found;
};
const key = (p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`;
const podKinds = (pods: readonly { namespace: string; name: string; kind: string }[]) =>
  pods.map((p) => [key(p), p.kind]).sort((a, b) => a[0]!.localeCompare(b[0]!));

/** Every pod in cluster edge that mounts the Workload API and has no identity, as seeded. */
const EDGE_EXPECTED = [
  [key(EDGE_FAULTS.noIdentityPod), "no-entry"],
  [key(EDGE_FAULTS.noEntryCsiPod), "no-entry"],
  [key(EDGE_FAULTS.otherAgentPod), "other-agent"],
  [key(EDGE_FAULTS.nearMissPod), "near-miss"],
].sort((a, b) => a[0]!.localeCompare(b[0]!));

/** Every pod in cluster demo that mounts the Workload API and has no identity, as seeded (foo's and bar's nodes). */
const DEMO_EXPECTED: string[][] = [
  [key(BAR_FAULTS.noIdentityPod), "no-entry"],
  // foo's workloads: payments-api's entry wants k8s:sa:api; payments-worker and web-frontend have none.
  ["payments/payments-api-7f9c6-h2k8d", "near-miss"],
  [key(FAULTS.failedMountPod), "no-entry"],
  ["web/web-frontend-6b7d9-p4mzn", "no-entry"],
  ["troubleshoot/ts-no-entry-5f2k8", "no-entry"],
  ["troubleshoot/ts-wrong-ns-3h7m2", "near-miss"],
  ["troubleshoot/ts-wrong-sa-8q4w1", "near-miss"],
  ["troubleshoot/ts-stale-node-2n6x9", "other-agent"],
  ["troubleshoot/ts-alias-9d3f7", "other-agent"],
  ["troubleshoot/ts-no-agent-1b5r8", "other-agent"],
];

describe("the no-identity list", () => {
  it("in edge equals the seeded pods without an identity, each with its reason, as kubectl and the CLI show", async () => {
    const edge = clusterOf(await noIdentity("edge"), "edge");
    expect(podKinds(edge.pods)).toEqual(EDGE_EXPECTED);
    expect(edge.suppressed).toEqual([]);

    const mounting = await mountingPods("edge");
    for (const pod of edge.pods) expect(mounting.has(key(pod)), key(pod)).toBe(true);
    const nodes = await kubectl<{ items: { metadata: { name: string; uid: string } }[] }>("edge", "get", "nodes");
    const nodeUid = new Map(nodes.items.map((n) => [n.metadata.name, n.metadata.uid]));
    const entries = await cliEntries("foo");
    const bySa = (pod: { namespace: string; name: string }) => {
      const sa = mounting.get(key(pod))!.spec.serviceAccountName!;
      return entries.filter((e) => has(e, `k8s:ns:${pod.namespace}`) && has(e, `k8s:sa:${sa}`));
    };
    // No entry at all for the two pods listed as such.
    expect(bySa(EDGE_FAULTS.noIdentityPod)).toEqual([]);
    expect(bySa(EDGE_FAULTS.noEntryCsiPod)).toEqual([]);
    // The search pod's entry exists, parented to an agent that is not edge-node-1's.
    const search = bySa(EDGE_FAULTS.otherAgentPod);
    expect(search).toHaveLength(1);
    const node = mounting.get(key(EDGE_FAULTS.otherAgentPod))!.spec.nodeName!;
    const nodeAgent = `spiffe://foo.example.com/spire/agent/k8s_psat/edge/${nodeUid.get(node)}`;
    expect(idToString(search[0]!.parent_id)).not.toBe(nodeAgent);
    const listed = edge.pods.find((p) => p.name === EDGE_FAULTS.otherAgentPod.name)!;
    expect(listed.entry?.id).toBe(search[0]!.id);
    expect(listed.parentId).toBe(nodeAgent);
    expect(listed.actions.map((a) => a.label)).toEqual([
      "Edit the existing entry: move it to this node's agent",
      "Create entry",
    ]);
    // The inventory pod's entry wants another service account: the difference is named.
    const inventory = edge.pods.find((p) => p.name === EDGE_FAULTS.nearMissPod.name)!;
    expect(inventory.differences).toEqual([
      { expected: `k8s:sa:${EDGE_FAULTS.nearMissPod.wrongSa}`, actual: ["k8s:sa:storefront-inventory"] },
    ]);
    expect(entries.find((e) => e.id === inventory.entry?.id)).toBeDefined();
    // The pods that do have an identity (cart through its ClusterSPIFFEID, payments under its node's ID) are not listed.
    expect(edge.assessed).toBe(mounting.size);
    const unlisted = [...mounting.keys()].filter((k) => !edge.pods.some((p) => key(p) === k));
    expect(unlisted.sort()).toEqual(["storefront/storefront-cart-7b9d4-p2l6x", key(EDGE_FAULTS.agentlessPod)]);
  });

  it("in demo equals the seeded pods without an identity, judged by foo's or bar's entries by node", async () => {
    const demo = clusterOf(await noIdentity(), "demo");
    // The federated case's entry exists only while its own test runs.
    const listed = podKinds(demo.pods).filter(([k]) => !k!.startsWith("troubleshoot/ts-federated-"));
    expect(listed).toEqual([...DEMO_EXPECTED].sort((a, b) => a[0]!.localeCompare(b[0]!)));
    const mounting = await mountingPods("demo");
    for (const pod of demo.pods) expect(mounting.has(key(pod)), key(pod)).toBe(true);
    const bar = demo.pods.find((p) => p.name === BAR_FAULTS.noIdentityPod.name)!;
    expect([bar.server, bar.deployment]).toEqual(["bar", "bar"]);
    expect(new URL(bar.actions[0]!.href, "http://x").searchParams.get("spiffeId")).toBe(
      "spiffe://bar.example.com/ns/billing/sa/billing-reports",
    );
    const barEntries = await cliEntries("bar");
    expect(barEntries.filter((e) => has(e, "k8s:sa:billing-reports"))).toEqual([]);
    // Pods with an entry are not listed: the CLI shows theirs.
    expect(demo.pods.map((p) => p.name)).not.toContain("ts-works-7c9d4");
    expect((await cliEntries("foo")).some((e) => has(e, "k8s:sa:ts-works"))).toBe(true);
  });
});

describe("suppression rules", () => {
  const created: string[] = [];
  afterAll(async () => {
    for (const id of created)
      await consoleFetch(`/api/kubernetes/no-identity/suppressions/${id}`, { method: "DELETE" });
  });

  const post = async (body: unknown) => {
    const response = await consoleFetch("/api/kubernetes/no-identity/suppressions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as IdentitySuppression & { error?: unknown } };
  };

  it("a label rule hides exactly its pods in its own cluster, is audited, and its deletion shows them again", async () => {
    const operator = await createToken("no-identity-operator", [{ role: "operator" }]);
    const rule = {
      cluster: "edge",
      kind: "label",
      key: "app",
      value: "storefront-reviews",
      reason: "reviews move to a new mesh",
    };
    const made = await send(operator, "POST", "/api/kubernetes/no-identity/suppressions", rule);
    expect(made.status).toBe(201);
    const id = String(made.body.id);
    created.push(id);

    const edge = clusterOf(await noIdentity("edge"), "edge");
    expect(edge.suppressed.map((p) => [key(p), p.suppressedBy])).toEqual([[key(EDGE_FAULTS.noEntryCsiPod), [id]]]);
    expect(podKinds(edge.pods)).toEqual(EDGE_EXPECTED.filter(([k]) => k !== key(EDGE_FAULTS.noEntryCsiPod)));
    // A rule of edge does not touch demo, even where a pod there carried the label.
    expect(clusterOf(await noIdentity("demo"), "demo").suppressed).toEqual([]);

    const audit = await auditRecords({ action: "kubernetes.suppression." });
    const mine = audit.filter((r) => r.target.id === id);
    expect(mine.map((r) => `${r.action} ${r.outcome}`)).toEqual(["kubernetes.suppression.create ok"]);
    expect(mine[0]!.actor?.name).toContain("no-identity-operator");

    const deleted = await send(operator, "DELETE", `/api/kubernetes/no-identity/suppressions/${id}`);
    expect(deleted.status).toBe(200);
    created.splice(created.indexOf(id), 1);
    expect(podKinds(clusterOf(await noIdentity("edge"), "edge").pods)).toEqual(EDGE_EXPECTED);
    const after = (await auditRecords({ action: "kubernetes.suppression." })).filter((r) => r.target.id === id);
    expect(after.map((r) => r.action).sort()).toEqual([
      "kubernetes.suppression.create",
      "kubernetes.suppression.delete",
    ]);
  });

  it("a namespace rule hides exactly that namespace's pods in demo", async () => {
    const made = await post({ cluster: "demo", kind: "namespace", namespace: "troubleshoot", reason: "test fixtures" });
    expect(made.status).toBe(201);
    created.push(made.body.id);
    const demo = clusterOf(await noIdentity("demo"), "demo");
    const hidden = demo.suppressed.map(key).filter((k) => !k.startsWith("troubleshoot/ts-federated-"));
    expect(hidden.sort()).toEqual(
      DEMO_EXPECTED.map(([k]) => k!)
        .filter((k) => k.startsWith("troubleshoot/"))
        .sort(),
    );
    const outside = DEMO_EXPECTED.map(([k]) => k!).filter((k) => !k.startsWith("troubleshoot/"));
    expect(demo.pods.map(key).sort()).toEqual(outside.sort());
  });

  it("lets a viewer see the rules but not create or delete one (403), and refuses bad input on its field", async () => {
    const viewer = await createToken("no-identity-viewer", [{ role: "viewer" }]);
    const listed = await send(viewer, "GET", "/api/kubernetes/no-identity/suppressions");
    expect(listed.status).toBe(200);
    const rule = { cluster: "edge", kind: "namespace", namespace: "storefront", reason: "viewer tries" };
    const refused = await send(viewer, "POST", "/api/kubernetes/no-identity/suppressions", rule);
    expect(refused.status).toBe(403);
    expect((refused.body.error as { code: string }).code).toBe("permission_denied");
    expect(clusterOf(await noIdentity("edge"), "edge").suppressed).toEqual([]);
    const kept = await post({ cluster: "edge", kind: "namespace", namespace: "storefront", reason: "admin's rule" });
    expect(kept.status).toBe(201);
    created.push(kept.body.id);
    const notDeleted = await send(viewer, "DELETE", `/api/kubernetes/no-identity/suppressions/${kept.body.id}`);
    expect(notDeleted.status).toBe(403);
    expect(clusterOf(await noIdentity("edge"), "edge").suppressed).toHaveLength(EDGE_EXPECTED.length);

    const unknown = await post({ cluster: "nowhere", kind: "namespace", namespace: "x", reason: "r" });
    expect(unknown.status).toBe(400);
    const bad = await post({ cluster: "edge", kind: "label", key: "bad key!", value: "v", reason: "r" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('"path":"key"');
  });
});
