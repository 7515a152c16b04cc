// The other troubleshoot routes: selector mode (no Kubernetes needed), the entry → pods reverse
// lookup, the pod list and the agent attestation section.
import { describe, expect, it } from "vitest";

import type { Diagnosis } from "@/lib/troubleshoot/diagnose-workload";
import type { AgentAttestationReport } from "@/lib/troubleshoot/load-agent-attestation";
import type { EntryReverseLookup } from "@/lib/troubleshoot/load-entry-pods";

import { AGENTLESS_NODE, TROUBLESHOOT_NAMESPACE, TROUBLESHOOT_PODS } from "../../scripts/k8s/seed-troubleshoot.ts";
import { type CliAgent, type CliEntry, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, consoleFetch, stackState } from "../support/api";

async function entryId(path: string): Promise<string> {
  const { entries } = await spireServerJson<{ entries: CliEntry[] }>(
    "foo",
    ["entry", "show", "-spiffeID", `spiffe://foo.example.com${path}`],
    stackState(),
  );
  return entries[0]!.id;
}

describe("troubleshoot lookups", () => {
  it("diagnoses a selector set against an agent (GET and POST agree)", async () => {
    const { agents } = await spireServerJson<{ agents: CliAgent[] }>(
      "foo",
      ["agent", "list", "-attestationType", "k8s_psat"],
      stackState(),
    );
    const { entries } = await spireServerJson<{ entries: CliEntry[] }>(
      "foo",
      ["entry", "show", "-spiffeID", "spiffe://foo.example.com/troubleshoot/works"],
      stackState(),
    );
    const agentId = idToString(entries[0]!.parent_id);
    expect(agents.map((a) => idToString(a.id))).toContain(agentId);
    const q = `agentId=${encodeURIComponent(agentId)}&selector=k8s:ns:${TROUBLESHOOT_NAMESPACE}&selector=k8s:sa:ts-works`;
    const get = await apiGet<Diagnosis>(`/api/troubleshoot/selectors?server=foo&${q}`);
    expect(get.status).toBe(200);
    expect(get.body.verdict).toMatchObject({
      status: "ok",
      spiffeIds: ["spiffe://foo.example.com/troubleshoot/works"],
    });
    const post = await consoleFetch(`/api/troubleshoot/selectors`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        server: "foo",
        agentId,
        selectors: [`k8s:ns:${TROUBLESHOOT_NAMESPACE}`, "k8s:sa:ts-wrong"],
      }),
    });
    const body = (await post.json()) as Diagnosis;
    expect(body.verdict.status).toBe("none");
    const bad = await apiGet<{ error: { code: string } }>(
      `/api/troubleshoot/selectors?server=foo&agentId=nope&selector=k8s:ns:x`,
    );
    expect(bad.status).toBe(400);
  });

  it("lists every pod of the cluster for the picker", async () => {
    const { body } = await apiGet<{ pods: { namespace: string; name: string }[] }>("/api/troubleshoot/pods");
    for (const p of TROUBLESHOOT_PODS)
      expect(body.pods).toContainEqual(expect.objectContaining({ namespace: TROUBLESHOOT_NAMESPACE, name: p.name }));
  });

  it("finds the pod an entry matches, and for a stale entry the closest pod and what differs", async () => {
    const works = await apiGet<EntryReverseLookup>(
      `/api/troubleshoot/entry?server=foo&id=${await entryId("/troubleshoot/works")}`,
    );
    expect(works.status).toBe(200);
    expect(works.body.matches.map((m) => `${m.namespace}/${m.name}`)).toEqual([
      `${TROUBLESHOOT_NAMESPACE}/${TROUBLESHOOT_PODS.find((p) => p.case === "works")!.name}`,
    ]);
    const wrongNs = await apiGet<EntryReverseLookup>(
      `/api/troubleshoot/entry?server=foo&id=${await entryId("/troubleshoot/wrong-ns")}`,
    );
    expect(wrongNs.body.matches).toEqual([]);
    expect(wrongNs.body.closest[0]).toMatchObject({
      name: TROUBLESHOOT_PODS.find((p) => p.case === "wrong-ns")!.name,
      differences: [{ expected: "k8s:ns:troubleshooting", actual: [`k8s:ns:${TROUBLESHOOT_NAMESPACE}`] }],
    });
    expect((await apiGet("/api/troubleshoot/entry?server=foo&id=missing-id")).status).toBe(404);
  });

  it("reports agent attestation: only the agentless node lacks an agent, and the server log is honestly unavailable", async () => {
    const { status, body } = await apiGet<AgentAttestationReport>("/api/troubleshoot/agents?server=foo");
    expect(status).toBe(200);
    expect(
      body.issues
        .filter((i) => i.kind === "node-without-agent" || i.kind === "agent-node-gone")
        .map((i) => `${i.kind}:${i.subject}`),
    ).toEqual([`node-without-agent:${AGENTLESS_NODE}`]);
    expect(body.log.available).toBe(false);
  });
});
