// Every SPIRE deployment in every cluster (issue 24): bar's deployment in cluster demo, cluster
// edge whose k8s_psat agents attest to foo, and one cluster going away. Witnesses: kubectl against
// both API servers and `spire-server agent list` on both servers.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { afterAll, describe, expect, inject, it } from "vitest";

import type { FleetPage } from "@/lib/agents/load-fleet";
import type { KubernetesSpireReport } from "@/lib/kubernetes/build-report";
import type { DeploymentsResponse } from "@/lib/kubernetes/load-deployments";
import type { NodeMatrixResponse } from "@/lib/kubernetes/load-spire-report";

import { apiserverProcess } from "../../scripts/k8s/control-plane.ts";
import { getK8sPaths } from "../../scripts/k8s/paths.ts";
import { BAR_FAULTS, BAR_NAMESPACE } from "../../scripts/k8s/world-bar.ts";
import { EDGE_FAULTS } from "../../scripts/k8s/world-edge.ts";
import { getStackPaths } from "../../scripts/stack/paths.ts";
import { stopTracked } from "../../scripts/stack/process.ts";
import { type CliAgent, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, stackState, stackUp } from "../support/api";

const run = promisify(execFile);

function cluster(name: string) {
  const found = stackState().kubernetes?.clusters?.find((c) => c.name === name);
  if (!found) throw new Error(`the stack has no cluster ${name}`);
  return found;
}

/** `kubectl get nodes` on one cluster: name → UID, optionally by label. */
async function kubectlNodes(name: string, selector?: string): Promise<Map<string, string>> {
  const args = ["--kubeconfig", cluster(name).adminKubeconfig, "get", "nodes", "-o", "json"];
  const { stdout } = await run("kubectl", selector ? [...args, "-l", selector] : args);
  const list = JSON.parse(stdout) as { items: { metadata: { name: string; uid: string } }[] };
  return new Map(list.items.map((n) => [n.metadata.name, n.metadata.uid]));
}

async function psatAgents(server: "foo" | "bar"): Promise<string[]> {
  const cli = await spireServerJson<{ agents: CliAgent[] }>(
    server,
    ["agent", "list", "-attestationType", "k8s_psat"],
    stackState(),
  );
  return cli.agents.map((a) => idToString(a.id)).sort();
}

const report = async (cluster: string, deployment: string) => {
  const { status, body } = await apiGet<KubernetesSpireReport>(
    `/api/kubernetes/spire?cluster=${cluster}&deployment=${deployment}`,
  );
  expect(status).toBe(200);
  return body;
};

describe("bar's deployment in cluster demo", () => {
  it("bar's k8s_psat agent IDs end in the UIDs of bar's nodes, and its matrix joins them", async () => {
    const barNodes = await kubectlNodes("demo", "spire.example.com/server=bar");
    expect(barNodes.size).toBe(2);
    const expected = [...barNodes.values()].map((uid) => `spiffe://bar.example.com/spire/agent/k8s_psat/demo/${uid}`);
    expect(await psatAgents("bar")).toEqual(expected.sort());

    const { status, body } = await apiGet<NodeMatrixResponse>("/api/kubernetes/nodes?cluster=demo&deployment=bar");
    expect(status).toBe(200);
    expect(body.matrix.rows.map((r) => [r.node, r.uid]).sort()).toEqual([...barNodes].sort());
    for (const row of body.matrix.rows) {
      expect(row.spireAgents.map((a) => a.spiffeId)).toEqual([
        `spiffe://bar.example.com/spire/agent/k8s_psat/demo/${row.uid}`,
      ]);
    }
    expect(body.matrix.nodesWithoutAgent).toEqual([]);
  });

  it("foo's deployment in the same cluster keeps to its own nodes", async () => {
    const fooNodes = await kubectlNodes("demo", "spire.example.com/server=foo");
    const { body } = await apiGet<NodeMatrixResponse>("/api/kubernetes/nodes?cluster=demo&deployment=foo");
    expect(body.matrix.rows.map((r) => r.node).sort()).toEqual([...fooNodes.keys()].sort());
  });
});

describe("cluster edge", () => {
  it("edge's agents are foo's agents and carry cluster edge", async () => {
    const edgeNodes = await kubectlNodes("edge");
    expect([...edgeNodes.keys()].sort()).toEqual(["edge-node-1", "edge-node-2"]);
    const onEdge = (await psatAgents("foo")).filter((id) => id.includes("/k8s_psat/edge/"));
    // edge-node-2's agent pod never started: only edge-node-1 has an agent.
    expect(onEdge).toEqual([`spiffe://foo.example.com/spire/agent/k8s_psat/edge/${edgeNodes.get("edge-node-1")}`]);

    const fleet = await apiGet<FleetPage>("/api/servers/foo/agents/fleet?cluster=edge");
    expect(fleet.status).toBe(200);
    expect(fleet.body.agents.map((a) => [a.spiffeId, a.cluster])).toEqual(onEdge.map((id) => [id, "edge"]));
    expect(fleet.body.summary.clusters).toEqual(
      expect.arrayContaining([
        { cluster: "demo", count: 3 },
        { cluster: "edge", count: 1 },
      ]),
    );
  });
});

describe("every seeded fault, in the right cluster", () => {
  it("lists the three deployments with their health", async () => {
    const { status, body } = await apiGet<DeploymentsResponse>("/api/kubernetes/deployments");
    expect(status).toBe(200);
    expect(body.deployments.map((d) => [d.cluster, d.deployment, d.namespace, d.spireServer, d.status])).toEqual([
      ["demo", "foo", "spire", "foo", "ok"],
      ["demo", "bar", BAR_NAMESPACE, "bar", "ok"],
      ["edge", "foo", "spire", "foo", "ok"],
    ]);
    expect(body.deployments.map((d) => [d.healthy, d.errors > 0, d.warnings > 0])).toEqual([
      [false, true, false],
      [true, false, true],
      [false, true, true],
    ]);
  });

  it("finds bar's missing bundle ConfigMap in bar's deployment, and only bar's findings there", async () => {
    const id = `bundle-missing:${BAR_FAULTS.missingBundle.namespace}/${BAR_FAULTS.missingBundle.name}`;
    expect((await report("demo", "bar")).problems.map((p) => p.id)).toEqual([id]);
    const foo = (await report("demo", "foo")).problems.map((p) => p.id);
    expect(foo).not.toContain(id);
    // foo's deployment, as the cluster's first, still answers for the unconfigured canary install.
    expect(foo).toContain("ds-not-ready:spire-canary/spire-agent");
    expect(foo.some((p) => p.includes(BAR_NAMESPACE))).toBe(false);
  });

  it("finds edge's node without an agent in edge, and knows foo's server runs elsewhere", async () => {
    const edge = await report("edge", "foo");
    expect(edge.problems.map((p) => p.id).sort()).toEqual(
      [
        `node-no-agent:${EDGE_FAULTS.stuckAgentNode}`,
        `agent-pod-unhealthy:${EDGE_FAULTS.stuckAgentNode}`,
        "ds-not-ready:spire/spire-agent",
      ].sort(),
    );
    expect(edge.server.outside).toBe(true);
    expect(edge.cluster).toMatchObject({ configName: "edge", deployment: "foo", psatCluster: "edge" });
    const demoIds = (await report("demo", "foo")).problems.map((p) => p.id);
    expect(demoIds.some((id) => id.includes("edge-node"))).toBe(false);
  });

  it("answers 404 for a cluster or deployment that is not configured, 400 for a bad name", async () => {
    expect((await apiGet("/api/kubernetes/spire?cluster=nowhere")).status).toBe(404);
    expect((await apiGet("/api/kubernetes/spire?cluster=demo&deployment=nothing")).status).toBe(404);
    const bad = await apiGet<{ error: { code: string } }>("/api/kubernetes/spire?cluster=Edge%2F1");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_argument");
  });
});

describe("one cluster unreachable", () => {
  afterAll(() => stackUp(), 180_000);

  it("marks edge unreachable within the Kubernetes timeout; demo and the SPIRE views keep working", async () => {
    const paths = getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: inject("stackDir") });
    const stopped = await stopTracked(apiserverProcess(getK8sPaths(paths, "edge")));
    expect(stopped).not.toBeNull();
    const started = Date.now();
    const { status, body } = await apiGet<DeploymentsResponse>("/api/kubernetes/deployments");
    expect(status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000 + 3_000);
    const edge = body.deployments.find((d) => d.cluster === "edge")!;
    expect(edge.status).toBe("unreachable");
    expect(edge.message).toMatch(/Kubernetes API at https:\/\/127\.0\.0\.1:\d+/);
    expect(body.deployments.filter((d) => d.cluster === "demo").map((d) => d.status)).toEqual(["ok", "ok"]);

    expect((await report("demo", "bar")).problems.length).toBeGreaterThan(0);
    expect((await apiGet("/api/servers/foo/agents/fleet")).status).toBe(200);
    expect((await apiGet("/api/servers/bar/agents/fleet")).status).toBe(200);
    const overview = await apiGet<{ unchecked: string[] }>("/api/overview");
    expect(overview.status).toBe(200);
    expect(overview.body.unchecked.join("\n")).toMatch(/Cluster edge \(deployment foo\)/);
  });
});
