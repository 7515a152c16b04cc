// GET /api/troubleshoot/pod against the seeded troubleshoot world (scripts/k8s/seed-troubleshoot.ts,
// scripts/stack/seed-troubleshoot.ts): one pod that gets its SVID, one per failure. Witnesses: the
// API server's pods and nodes, and `spire-server entry show` / `agent list`.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PodDiagnosis } from "@/lib/troubleshoot/load-diagnosis";

import { CM_PODS } from "../../scripts/k8s/controller-world.ts";
import { kubeRequest } from "../../scripts/k8s/kube-http.ts";
import { readKubeconfigTarget } from "../../scripts/k8s/kubeconfig.ts";
import {
  TROUBLESHOOT_NAMESPACE,
  TROUBLESHOOT_PODS,
  type TroubleshootCase,
} from "../../scripts/k8s/seed-troubleshoot.ts";
import { WORKLOADS } from "../../scripts/k8s/topology.ts";
import { LEGACY_TRUST_DOMAIN, legacyFederationCase, STALE_NODE_UID } from "../../scripts/stack/seed-troubleshoot.ts";
import {
  type CliAgent,
  type CliEntry,
  idToString,
  spireServer,
  spireServerJson,
} from "../../scripts/stack/spire-cli.ts";
import { apiGet, stackState } from "../support/api";

const podOf = (c: TroubleshootCase) => TROUBLESHOOT_PODS.find((p) => p.case === c)!;
const diagnose = (c: TroubleshootCase) =>
  apiGet<PodDiagnosis>(`/api/troubleshoot/pod?server=foo&namespace=${TROUBLESHOOT_NAMESPACE}&name=${podOf(c).name}`);

let agent1Id: string;
beforeAll(async () => {
  const state = stackState();
  const admin = readKubeconfigTarget(state.kubernetes!.adminKubeconfig);
  const node = await kubeRequest<{ metadata: { uid: string } }>(admin, "GET", "/api/v1/nodes/demo-node-1");
  const { agents } = await spireServerJson<{ agents: CliAgent[] }>(
    "foo",
    ["agent", "list", "-attestationType", "k8s_psat"],
    state,
  );
  agent1Id = agents.map((a) => idToString(a.id)).find((id) => id.endsWith(`/${node.metadata.uid}`))!;
  expect(agent1Id).toBe(`spiffe://foo.example.com/spire/agent/k8s_psat/demo/${node.metadata.uid}`);
  // The federated case lives only for this file (a permanent extra bundle would change foo's
  // federation for other tests).
  const fed = legacyFederationCase("foo.example.com", agent1Id);
  const dir = mkdtempSync(path.join(tmpdir(), "ts-fed-"));
  writeFileSync(path.join(dir, "ca.pem"), fed.caPem);
  writeFileSync(path.join(dir, "entries.json"), JSON.stringify({ entries: [fed.entry] }));
  await spireServer(
    "foo",
    ["bundle", "set", "-id", `spiffe://${LEGACY_TRUST_DOMAIN}`, "-path", path.join(dir, "ca.pem")],
    state,
  );
  await spireServer("foo", ["entry", "create", "-data", path.join(dir, "entries.json")], state);
  // The console caches the entry index for a few seconds: wait until it sees the new entry.
  for (let i = 0; i < 40; i++) {
    if ((await diagnose("federated")).body.diagnosis?.matches.length) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});
afterAll(async () => {
  await spireServer(
    "foo",
    ["bundle", "delete", "-id", `spiffe://${LEGACY_TRUST_DOMAIN}`, "-mode", "delete"],
    stackState(),
  ).catch(() => undefined);
});

describe("GET /api/troubleshoot/pod", () => {
  it("says the working pod gets its SVID, from the entry under its node's agent", async () => {
    const { status, body } = await diagnose("works");
    expect(status).toBe(200);
    const d = body.diagnosis;
    expect(d.verdict).toMatchObject({
      status: "ok",
      spiffeIds: ["spiffe://foo.example.com/troubleshoot/works"],
      reasons: [],
    });
    expect(d.agent).toMatchObject({ state: "ok", agent: { spiffeId: agent1Id } });
    expect(d.parents[0]).toMatchObject({ spiffeId: agent1Id, kind: "agent" });
    expect(d.delivery).toMatchObject({ via: "csi", mountPath: "/spiffe-workload-api", issues: [] });
    expect(d.matches[0]?.dnsNames).toEqual(["works.troubleshoot.svc"]);
    expect(d.matches[0]?.ttl?.status).toBe("ok");
    // the attestor's selectors, from the pod object the API server holds
    const admin = readKubeconfigTarget(stackState().kubernetes!.adminKubeconfig);
    const pod = await kubeRequest<{
      metadata: { uid: string };
      status: { containerStatuses: { image: string; imageID: string }[] };
    }>(admin, "GET", `/api/v1/namespaces/${TROUBLESHOOT_NAMESPACE}/pods/${podOf("works").name}`);
    const keys = d.selectors.map((s) => `${s.type}:${s.value}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        `k8s:ns:${TROUBLESHOOT_NAMESPACE}`,
        "k8s:sa:ts-works",
        `k8s:pod-uid:${pod.metadata.uid}`,
        `k8s:pod-name:${podOf("works").name}`,
        "k8s:node-name:demo-node-1",
        "k8s:pod-label:app:ts-works",
        "k8s:container-name:ts-works",
        `k8s:container-image:${pod.status.containerStatuses[0]!.image}`,
        `k8s:pod-image:${pod.status.containerStatuses[0]!.imageID}`,
      ]),
    );
  });

  const broken: [TroubleshootCase, "none" | "degraded", string][] = [
    ["no-entry", "none", "no-entry"],
    ["wrong-ns", "none", "namespace"],
    ["wrong-sa", "none", "service-account"],
    ["stale-node", "none", "stale-parent"],
    ["alias", "none", "alias-not-covering"],
    ["no-csi", "none", "no-workload-api-volume"],
    ["federated", "degraded", "federated-bundle-expired"],
    ["no-agent", "none", "no-agent"],
  ];
  it.each(broken)("explains %s: verdict %s, top reason %s", async (c, verdict, top) => {
    const { status, body } = await diagnose(c);
    expect(status).toBe(200);
    expect(body.diagnosis.verdict.status).toBe(verdict);
    expect(body.diagnosis.verdict.reasons[0]?.code).toBe(top);
  });

  it("points the stale-node entry at the node UID that no node has, and offers the node's agent as parent", async () => {
    const { body } = await diagnose("stale-node");
    const miss = body.diagnosis.nearMisses[0]!;
    expect(miss.parentProblem).toEqual({ kind: "stale-parent", nodeUid: STALE_NODE_UID });
    const cli = await spireServerJson<{ entries: CliEntry[] }>(
      "foo",
      ["entry", "show", "-entryID", miss.entry.id],
      stackState(),
    );
    expect(idToString(cli.entries[0]!.parent_id)).toBe(
      `spiffe://foo.example.com/spire/agent/k8s_psat/demo/${STALE_NODE_UID}`,
    );
    const href = new URL(body.diagnosis.verdict.reasons[0]!.action!.href, "http://x");
    expect(href.searchParams.get("parentId")).toBe(agent1Id);
  });

  it("names the wrong namespace: edit the existing entry first, or create one with the pod's values", async () => {
    const { body } = await diagnose("wrong-ns");
    const [reason] = body.diagnosis.verdict.reasons;
    expect(reason!.action!.label).toBe("Edit the existing entry");
    expect(reason!.action!.href).toMatch(/^\/entries\/[^/]+\/edit\?/);
    const href = new URL(reason!.secondary!.href, "http://x");
    expect(href.pathname).toBe("/entries/new");
    expect(href.searchParams.getAll("selector").sort()).toEqual([
      `k8s:ns:${TROUBLESHOOT_NAMESPACE}`,
      "k8s:sa:ts-wrong-ns",
    ]);
    expect(body.diagnosis.nearMisses[0]?.differences[0]?.expected).toEqual({
      type: "k8s",
      value: "ns:troubleshooting",
    });
  });

  it("names the seeded …/payments/api entry (under a node alias that does not cover the node) as the payments pod's near miss", async () => {
    const pod = WORKLOADS.find((w) => w.app === "payments-api")!;
    const { status, body } = await apiGet<PodDiagnosis>(
      `/api/troubleshoot/pod?server=foo&namespace=${pod.namespace}&name=${pod.name}`,
    );
    expect(status, JSON.stringify(body)).toBe(200);
    // The witness: the entry SPIRE holds for payments/api, its parent and selectors.
    const [cli] = (
      await spireServerJson<{ entries: (CliEntry & { id: string })[] }>(
        "foo",
        ["entry", "show", "-spiffeID", "spiffe://foo.example.com/payments/api"],
        stackState(),
      )
    ).entries;
    const miss = body.diagnosis.nearMisses[0]!;
    expect(miss.entry.id).toBe(cli!.id);
    expect(miss.entry.parentId).toBe(idToString(cli!.parent_id));
    expect(miss.kind).toBe("service-account");
    expect(miss.parentProblem?.kind).toBe("alias-not-covering");
    expect(miss.differences.map((d) => [d.expected.value, d.actual.map((a) => a.value)])).toEqual([
      ["sa:api", [`sa:${pod.serviceAccount}`]],
    ]);
    const reason = body.diagnosis.verdict.reasons.find((r) => r.code === "service-account")!;
    expect(reason.title).toContain("Entry spiffe://foo.example.com/payments/api differs in service account");
    expect(reason.title).toContain("is a node alias that does not cover this node");
    expect(reason.action!.label).toBe("Edit the existing entry: move it to this node's agent");
    expect(new URL(reason.action!.href, "http://x").pathname).toBe(`/entries/${cli!.id}/edit`);
    expect(reason.secondary!.label).toBe("Create with the workload's values");
    expect(body.diagnosis.verdict.reasons.some((r) => r.code === "no-entry")).toBe(false);
  });

  it("names the ClusterSPIFFEID that selects the batch pod but cannot render its SPIFFE ID, with the fix", async () => {
    const batch = CM_PODS.find((p) => p.app === "batch")!;
    const { status, body } = await apiGet<PodDiagnosis>(
      `/api/troubleshoot/pod?server=foo&namespace=shop&name=${batch.name}`,
    );
    expect(status, JSON.stringify(body)).toBe(200);
    const [first] = body.diagnosis.verdict.reasons;
    expect(first).toMatchObject({
      code: "render-failure",
      title:
        'ClusterSPIFFEID shop-batch selects this pod but cannot render its SPIFFE ID: .PodMeta.Labels has no entry for key "team"',
      action: { href: "/controller-manager/shop-batch" },
    });
    expect(first!.fix).toContain(`kubectl label pod -n shop ${batch.name} team=<value>`);
  });

  it("answers 404 for a pod that does not exist and 400 without a name", async () => {
    expect(
      (await apiGet(`/api/troubleshoot/pod?server=foo&namespace=${TROUBLESHOOT_NAMESPACE}&name=nope`)).status,
    ).toBe(404);
    const bad = await apiGet<{ error: { code: string } }>(`/api/troubleshoot/pod?server=foo&namespace=x`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_argument");
  });
});
