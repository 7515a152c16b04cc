// The Kubernetes part of `stack:up` (scripts/k8s): the local API server and its seeded
// world, foo's k8s_psat attestor, the k8s_psat agents (one per seeded node, each with a
// pod-bound service-account token) and the spire-bundle ConfigMap. Off with
// SPIRE_CONSOLE_KUBERNETES=off.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

import { kubernetesStatus, stopKubernetes } from "../k8s/down.ts";
import { psatTokenPath } from "../k8s/paths.ts";
import { requestAgentToken } from "../k8s/psat.ts";
import { seedBundle } from "../k8s/seed.ts";
import { SPIRE_NAMESPACE } from "../k8s/topology.ts";
import type { K8sStack } from "../k8s/up.ts";
import { ensureKubernetes, kubernetesEnabled } from "../k8s/up.ts";
import type { AgentContext } from "./agents.ts";
import { ensureAgent } from "./agents.ts";
import { K8S_AGENTS, K8S_SERVER } from "./k8s-topology.ts";
import { say } from "./log.ts";
import type { StackPaths } from "./paths.ts";
import { getAgentPaths, getServerPaths } from "./paths.ts";
import type { StackKubernetes } from "./state.ts";

/** Starts the Kubernetes part unless disabled; null when disabled. */
export async function startKubernetes(paths: StackPaths): Promise<K8sStack | null> {
  if (!kubernetesEnabled()) {
    say("Kubernetes is off (SPIRE_CONSOLE_KUBERNETES=off): no API server, no k8s_psat agents");
    return null;
  }
  return ensureKubernetes(paths);
}

/** The k8s_psat block for the server config of `serverName`, if it is the k8s server. */
export function psatServerConfig(k8s: K8sStack | null, serverName: string) {
  if (!k8s || serverName !== K8S_SERVER) return undefined;
  return {
    cluster: k8s.cluster,
    kubeconfigPath: k8s.paths.spireServerKubeconfig,
    serviceAccounts: [`${SPIRE_NAMESPACE}:spire-agent`],
  };
}

/** Refreshes each agent's pod-bound token, then starts the k8s_psat agents; returns their SPIFFE IDs. */
export async function ensureK8sAgents(k8s: K8sStack | null, ctx: AgentContext): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (!k8s) return ids;
  await Promise.all(
    K8S_AGENTS.map(async (agent) => {
      const pod = k8s.world.agentPods.find((p) => p.node === agent.k8sNode)!;
      const token = await requestAgentToken(k8s.admin, pod);
      const dir = getAgentPaths(ctx.paths, agent.name).dir;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(psatTokenPath(dir), token + "\n", { mode: 0o600 });
      ids.set(agent.name, await ensureAgent(ctx, agent));
    }),
  );
  return ids;
}

/** Publishes the server's current trust bundle in the spire-bundle ConfigMap. */
export async function publishK8sBundle(k8s: K8sStack | null, paths: StackPaths): Promise<void> {
  if (!k8s) return;
  await seedBundle(k8s.admin, readFileSync(getServerPaths(paths, K8S_SERVER).bundlePemPath, "utf8"));
}

/** What stack.json records about the cluster. */
export function k8sState(k8s: K8sStack | null): StackKubernetes | undefined {
  if (!k8s) return undefined;
  return {
    cluster: k8s.cluster,
    server: k8s.server,
    spireServer: K8S_SERVER,
    namespace: SPIRE_NAMESPACE,
    adminKubeconfig: k8s.paths.adminKubeconfig,
    consoleKubeconfig: k8s.paths.consoleKubeconfig,
    nodes: Object.entries(k8s.world.nodeUids).map(([name, uid]) => ({ name, uid })),
  };
}

/** Stops kube-apiserver and etcd (after the SPIRE processes). */
export async function stopK8s(paths: StackPaths): Promise<number> {
  const stopped = await stopKubernetes(paths);
  for (const s of stopped) say(`stopped ${s.label} (pid ${s.pid})`);
  return stopped.length;
}

/** Status rows of kube-apiserver and etcd. */
export function k8sStatusRows(paths: StackPaths) {
  return kubernetesStatus(paths).map((s) => ({
    component: s.label,
    kind: "kubernetes" as const,
    pid: s.pid,
    running: s.pid !== null,
    socket: s.endpoint,
  }));
}
