// The Kubernetes part of `stack:up` (scripts/k8s): the local API servers of clusters demo and
// edge with their seeded worlds, the k8s_psat attestor of each server (foo: demo and edge; bar:
// its own namespace of demo), the k8s_psat agents (one per seeded node with an agent pod, each
// with a pod-bound service-account token) and foo's spire-bundle ConfigMaps. Off with
// SPIRE_CONSOLE_KUBERNETES=off.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

import { ensureK8sBinaries } from "../k8s/build.ts";
import { kubernetesStatus, stopKubernetes } from "../k8s/down.ts";
import { EDGE_CLUSTER, getK8sPaths, psatTokenPath } from "../k8s/paths.ts";
import { requestAgentToken } from "../k8s/psat.ts";
import { seedBundle } from "../k8s/seed.ts";
import { SPIRE_NAMESPACE } from "../k8s/topology.ts";
import type { K8sStack } from "../k8s/up.ts";
import { ensureKubernetes, kubernetesEnabled } from "../k8s/up.ts";
import { BAR_NAMESPACE } from "../k8s/world-bar.ts";
import { seedEdgeWorld } from "../k8s/world-edge.ts";
import type { AgentContext } from "./agents.ts";
import { ensureAgent } from "./agents.ts";
import { K8S_AGENTS, K8S_SERVER } from "./k8s-topology.ts";
import { say, stopwatch } from "./log.ts";
import type { StackPaths } from "./paths.ts";
import { getAgentPaths, getServerPaths } from "./paths.ts";
import type { StackCluster, StackKubernetes } from "./state.ts";

/** The running local clusters. */
export interface K8sClusters {
  demo: K8sStack;
  edge: K8sStack;
}

/** Starts both clusters (in parallel, after the binaries are there) unless disabled; null when disabled. */
export async function startKubernetes(paths: StackPaths): Promise<K8sClusters | null> {
  if (!kubernetesEnabled()) {
    say("Kubernetes is off (SPIRE_CONSOLE_KUBERNETES=off): no API servers, no k8s_psat agents");
    return null;
  }
  await ensureK8sBinaries(getK8sPaths(paths));
  const edgeTook = stopwatch();
  const [demo, edge] = await Promise.all([
    ensureKubernetes(paths),
    ensureKubernetes(paths, { name: EDGE_CLUSTER, seed: seedEdgeWorld }).then((stack) => {
      say(`cluster ${EDGE_CLUSTER} took ${edgeTook()} (in parallel with demo)`);
      return stack;
    }),
  ]);
  return { demo, edge };
}

/** The k8s_psat clusters of `serverName`'s config: foo reads demo's `spire` and edge; bar reads demo's spire-bar. */
export function psatServerConfig(k8s: K8sClusters | null, serverName: string) {
  if (!k8s) return undefined;
  const entry = (stack: K8sStack, namespace: string) => ({
    cluster: stack.cluster,
    kubeconfigPath: stack.paths.spireServerKubeconfig,
    serviceAccounts: [`${namespace}:spire-agent`],
  });
  if (serverName === K8S_SERVER) return [entry(k8s.demo, SPIRE_NAMESPACE), entry(k8s.edge, SPIRE_NAMESPACE)];
  if (serverName === "bar") return [entry(k8s.demo, BAR_NAMESPACE)];
  return undefined;
}

/** Refreshes each agent's pod-bound token, then starts the k8s_psat agents; returns their SPIFFE IDs. */
export async function ensureK8sAgents(
  k8s: K8sClusters | null,
  contextOf: (server: string) => AgentContext,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (!k8s) return ids;
  await Promise.all(
    K8S_AGENTS.map(async (agent) => {
      const stack = agent.k8sCluster === EDGE_CLUSTER ? k8s.edge : k8s.demo;
      const pod = stack.world.agentPods.find((p) => p.node === agent.k8sNode)!;
      const token = await requestAgentToken(stack.admin, pod, 3600, agent.k8sNamespace);
      const ctx = contextOf(agent.server);
      const dir = getAgentPaths(ctx.paths, agent.name).dir;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(psatTokenPath(dir), token + "\n", { mode: 0o600 });
      ids.set(agent.name, await ensureAgent(ctx, agent));
    }),
  );
  return ids;
}

/** Publishes foo's current trust bundle in the spire-bundle ConfigMap of both clusters (bar's is never published: a fault). */
export async function publishK8sBundle(k8s: K8sClusters | null, paths: StackPaths): Promise<void> {
  if (!k8s) return;
  const pem = readFileSync(getServerPaths(paths, K8S_SERVER).bundlePemPath, "utf8");
  await Promise.all([seedBundle(k8s.demo.admin, pem), seedBundle(k8s.edge.admin, pem)]);
}

/** What stack.json records about the clusters (`kubernetes` itself stays demo's, as before). */
export function k8sState(k8s: K8sClusters | null): StackKubernetes | undefined {
  if (!k8s) return undefined;
  const cluster = (stack: K8sStack, deployments: StackCluster["deployments"]): StackCluster => ({
    name: stack.cluster,
    server: stack.server,
    adminKubeconfig: stack.paths.adminKubeconfig,
    consoleKubeconfig: stack.paths.consoleKubeconfig,
    nodes: Object.entries(stack.world.nodeUids).map(([name, uid]) => ({ name, uid })),
    deployments,
  });
  const demo = cluster(k8s.demo, [
    { name: K8S_SERVER, spireServer: K8S_SERVER, namespace: SPIRE_NAMESPACE, serverInCluster: true },
    { name: "bar", spireServer: "bar", namespace: BAR_NAMESPACE, serverInCluster: true },
  ]);
  return {
    cluster: demo.name,
    server: demo.server,
    spireServer: K8S_SERVER,
    namespace: SPIRE_NAMESPACE,
    adminKubeconfig: demo.adminKubeconfig,
    consoleKubeconfig: demo.consoleKubeconfig,
    nodes: demo.nodes,
    clusters: [
      demo,
      cluster(k8s.edge, [
        { name: K8S_SERVER, spireServer: K8S_SERVER, namespace: SPIRE_NAMESPACE, serverInCluster: false },
      ]),
    ],
  };
}

/** Stops the kube-apiservers and etcds (after the SPIRE processes). */
export async function stopK8s(paths: StackPaths): Promise<number> {
  const stopped = await stopKubernetes(paths);
  for (const s of stopped) say(`stopped ${s.label} (pid ${s.pid})`);
  return stopped.length;
}

/** Status rows of the kube-apiservers and etcds. */
export function k8sStatusRows(paths: StackPaths) {
  return kubernetesStatus(paths).map((s) => ({
    component: s.label,
    kind: "kubernetes" as const,
    pid: s.pid,
    running: s.pid !== null,
    socket: s.endpoint,
  }));
}
