import "server-only";

import { userMessage } from "@/lib/api/user-message";
import { evaluateClusterSpiffeId } from "@/lib/controller-manager/evaluate";
import { readControllerState } from "@/lib/controller-manager/load-controller-manager";
import type { K8sClusterResolution } from "@/lib/k8s/config";
import { listWorkloadPods } from "@/lib/k8s/workload-pods";
import { pickServer } from "@/lib/servers/resolve-server";
import { loadClusterContext } from "@/lib/troubleshoot/load-cluster-context";
import { loadSpireContext } from "@/lib/troubleshoot/load-spire-context";

import type { ClusterFacts, DeploymentFacts, ServerFacts } from "./find-unidentified";

export type ClusterFactsRead = {
  facts: ClusterFacts;
  /** Servers whose entries could not be read (their pods are not assessed), with why. */
  serverErrors: { server: string; message: string }[];
  /** Why the ClusterSPIFFEIDs could not be read (pods they select are then judged by entries alone). */
  controllerError: string | null;
};

type OkCluster = Extract<K8sClusterResolution, { status: "ok" }>;

/** The console's name of the server a deployment's agents attest to (its `spireServer`, else the first). */
const serverOf = (d: OkCluster["deployments"][number]) => pickServer(undefined, d.settings.spireServer).name;

/** The servers whose pods a suppression in this cluster can hide: every server of its deployments. */
export function clusterServers(cluster: OkCluster): string[] {
  return [...new Set(cluster.deployments.map(serverOf))];
}

async function readServers(names: readonly string[]) {
  const servers = new Map<string, ServerFacts>();
  const errors: { server: string; message: string }[] = [];
  await Promise.all(
    names.map(async (name) => {
      try {
        const spire = await loadSpireContext(name);
        servers.set(name, { trustDomain: spire.trustDomain, agents: spire.agents, entries: spire.entries });
      } catch (error) {
        errors.push({ server: name, message: userMessage(error, `reading server ${name}`) });
      }
    }),
  );
  return { servers, errors };
}

/**
 * One cluster's pods, nodes, SPIRE deployments (agent socket dir, CSI driver, DaemonSets), the pods its
 * ClusterSPIFFEIDs select, and the entries and agents of each server its deployments attest to. The
 * caller authorizes `kubernetes.read`; each server is read with the troubleshooter's own check.
 * Throws when the cluster cannot be read.
 */
export async function readClusterFacts(cluster: OkCluster): Promise<ClusterFactsRead> {
  const contexts = await Promise.all(
    cluster.deployments.map((d) => loadClusterContext(cluster.name, d.deploymentName)),
  );
  const first = contexts[0]!;
  const controller = await readControllerState(first.clients).then(
    (state) => ({ state, error: null }),
    (error: unknown) => ({ state: null, error: userMessage(error, `reading ClusterSPIFFEIDs of ${cluster.name}`) }),
  );
  const pods = controller.state?.world.pods ?? (await listWorkloadPods(first.clients));
  const controllerPodUids = new Set<string>();
  for (const object of controller.state?.spiffeIds ?? []) {
    const evaluation = evaluateClusterSpiffeId(object, controller.state!.world);
    for (const pod of evaluation.pods) if (pod.spiffeId) controllerPodUids.add(pod.uid);
  }
  const deployments: DeploymentFacts[] = cluster.deployments.map((d, i) => ({
    name: d.deploymentName,
    namespace: d.settings.namespace,
    server: serverOf(d),
    psatCluster: contexts[i]!.psatCluster,
    agentNodeSelector: contexts[i]!.agentNodeSelector,
    agentSocketDir: contexts[i]!.agentSocketDir,
    csiDriver: d.settings.csiDriver,
    daemonSets: [d.settings.agentDaemonSet, d.settings.csiDaemonSet],
  }));
  const { servers, errors } = await readServers([...new Set(deployments.map((d) => d.server!))]);
  return {
    facts: { cluster: cluster.name, nodes: first.nodes, deployments, pods, controllerPodUids, servers },
    serverErrors: errors,
    controllerError: controller.error,
  };
}
