// SPIRE side of the troubleshooter's seeded world (issue 7): on foo, one entry per failure
// case of scripts/k8s/seed-troubleshoot.ts, parented to the real k8s_psat agents. The
// `federated` pod's entry is not seeded: SPIRE refuses federatesWith a trust domain without a
// bundle, and a permanent extra bundle on foo would change its federation for every other
// test, so test/integration/troubleshoot-pods.test.ts adds `legacyFederationCase()` (an expired
// legacy.example.com bundle plus the entry) for its run and removes it. Re-run on every
// `stack:up`: entries under /troubleshoot/ that are not wanted (e.g. parented to the agents of
// a previous cluster) are deleted, missing ones created.
import { writeFileSync } from "node:fs";
import path from "node:path";

import { CLUSTER_NAME } from "../k8s/paths.ts";
import type { TroubleshootCase } from "../k8s/seed-troubleshoot.ts";
import { seedTroubleshootPods, TROUBLESHOOT_NAMESPACE, TROUBLESHOOT_PODS } from "../k8s/seed-troubleshoot.ts";
import type { K8sStack } from "../k8s/up.ts";
import type { SpireBinaries } from "./build-spire.ts";
import { K8S_AGENTS, K8S_SERVER } from "./k8s-topology.ts";
import { say, StackError } from "./log.ts";
import type { StackPaths } from "./paths.ts";
import { getServerPaths } from "./paths.ts";
import type { SeedEntry } from "./seed.ts";
import { entry } from "./seed.ts";
import type { CliEntry } from "./spire-cli.ts";
import { idToString, runServerCli, runServerCliJson } from "./spire-cli.ts";
import { getServerSpec } from "./topology.ts";
import { issueCertificate } from "./x509-der.ts";

export const LEGACY_TRUST_DOMAIN = "legacy.example.com";
/** The node UID of a node that no longer exists (the stale parent). */
export const STALE_NODE_UID = "0d1e5a7c-3b2f-4e6a-9c8d-5f4e3d2c1b0a";

/** The entries of the troubleshoot cases, given the agent of demo-node-1 and the trust domain. */
export function troubleshootEntries(td: string, agent1Id: string): SeedEntry[] {
  const ns = `k8s:ns:${TROUBLESHOOT_NAMESPACE}`;
  const sa = (c: TroubleshootCase) => `k8s:sa:ts-${c}`;
  const id = (p: string) => `spiffe://${td}/troubleshoot/${p}`;
  const alias = id("node-3-alias");
  return [
    entry(id("works"), agent1Id, [ns, sa("works")], { dns_names: ["works.troubleshoot.svc"], x509_svid_ttl: 3600 }),
    entry(id("wrong-ns"), agent1Id, ["k8s:ns:troubleshooting", sa("wrong-ns")]),
    entry(id("wrong-sa"), agent1Id, [ns, "k8s:sa:default", "k8s:pod-label:app:ts-wrong-sa"]),
    entry(id("stale-node"), `spiffe://${td}/spire/agent/k8s_psat/${CLUSTER_NAME}/${STALE_NODE_UID}`, [
      ns,
      sa("stale-node"),
    ]),
    entry(alias, `spiffe://${td}/spire/server`, [
      `k8s_psat:cluster:${CLUSTER_NAME}`,
      "k8s_psat:agent_node_name:demo-node-3",
    ]),
    entry(id("alias"), alias, [ns, sa("alias")]),
    entry(id("no-csi"), agent1Id, [ns, sa("no-csi")]),
    entry(id("no-agent"), agent1Id, [ns, sa("no-agent")]),
  ];
}

/** The federated case: a CA of legacy.example.com that expired a day ago, and the entry of the `federated` pod. */
export function legacyFederationCase(td: string, agent1Id: string): { caPem: string; entry: SeedEntry } {
  return {
    caPem: issueCertificate({
      commonName: "Legacy CA (expired)",
      organization: "Legacy",
      isCA: true,
      uris: [`spiffe://${LEGACY_TRUST_DOMAIN}`],
      days: -1,
    }).certPem,
    entry: entry(
      `spiffe://${td}/troubleshoot/federated`,
      agent1Id,
      [`k8s:ns:${TROUBLESHOOT_NAMESPACE}`, "k8s:sa:ts-federated"],
      { federates_with: [LEGACY_TRUST_DOMAIN] },
    ),
  };
}

const ALREADY_EXISTS = 6;

const keyOf = (spiffeId: string, parentId: string, selectors: { type: string; value: string }[]) =>
  `${spiffeId}|${parentId}|${selectors
    .map((s) => `${s.type}:${s.value}`)
    .sort()
    .join(",")}`;

/** Seeds the troubleshoot pods and their entries; does nothing without Kubernetes. */
export async function seedTroubleshoot(
  k8s: K8sStack | null,
  paths: StackPaths,
  bin: SpireBinaries,
  agentIds: ReadonlyMap<string, string>,
): Promise<void> {
  if (!k8s) return;
  await seedTroubleshootPods(k8s.admin);
  const agent1Id = agentIds.get(K8S_AGENTS[0]!.name);
  if (!agent1Id) return;
  const sp = getServerPaths(paths, K8S_SERVER);
  const cli = (args: string[]) => runServerCli(bin.spireServer, sp.socketPath, args);

  // Left behind only if a test run of the federated case was interrupted.
  await cli(["bundle", "delete", "-id", `spiffe://${LEGACY_TRUST_DOMAIN}`, "-mode", "delete"]).catch(() => undefined);
  const td = getServerSpec(K8S_SERVER).trustDomain;
  const wanted = troubleshootEntries(td, agent1Id);
  const wantedKeys = new Set(wanted.map((e) => keyOf(e.spiffe_id, e.parent_id, e.selectors)));
  const { entries = [] } = await runServerCliJson<{ entries?: CliEntry[] }>(bin.spireServer, sp.socketPath, [
    "entry",
    "show",
  ]);
  const ours = entries.filter((e) => e.spiffe_id.path.startsWith("/troubleshoot/"));
  const present = new Set<string>();
  for (const e of ours) {
    const key = keyOf(idToString(e.spiffe_id), idToString(e.parent_id), e.selectors);
    if (wantedKeys.has(key)) present.add(key);
    else await cli(["entry", "delete", "-entryID", e.id]);
  }
  const missing = wanted.filter((e) => !present.has(keyOf(e.spiffe_id, e.parent_id, e.selectors)));
  // Aliases first: an entry may be parented to one.
  missing.sort((a, b) => Number(b.parent_id.endsWith("/spire/server")) - Number(a.parent_id.endsWith("/spire/server")));
  if (missing.length) {
    const dataFile = path.join(sp.dir, "troubleshoot-entries.json");
    writeFileSync(dataFile, JSON.stringify({ entries: missing }, null, 2) + "\n");
    const created = await runServerCliJson<{ results: { status: { code: number; message: string } }[] }>(
      bin.spireServer,
      sp.socketPath,
      ["entry", "create", "-data", dataFile],
    );
    const failed = created.results.filter((r) => r.status.code !== 0 && r.status.code !== ALREADY_EXISTS);
    if (failed.length)
      throw new StackError(
        `${K8S_SERVER}: ${failed.length} troubleshoot entries were rejected, first: ${failed[0]!.status.message}`,
      );
  }
  say(
    `${K8S_SERVER}: troubleshoot world: ${TROUBLESHOOT_PODS.length} pods in ${TROUBLESHOOT_NAMESPACE}, ${missing.length} entries created, ${ours.length - present.size} stale removed`,
  );
}
