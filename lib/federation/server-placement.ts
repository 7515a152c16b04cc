/** Where one SPIRE server runs in Kubernetes: a configured deployment that names it. */
export type ServerPlacement = {
  cluster: string;
  deployment: string;
  namespace: string;
  /** False when only its agents run in this cluster (config `serverInCluster: false`), the server elsewhere. */
  serverInCluster: boolean;
};

/** The shape of a resolved cluster this needs (see resolveK8sClusters). */
export type PlacementCluster = {
  name: string;
  deployments: {
    deploymentName: string;
    settings: { spireServer?: string; serverNamespace: string; serverInCluster: boolean };
  }[];
};

/**
 * Where each server runs, by server name: every deployment of every cluster that names it (a
 * deployment that names no server means the first configured one, as everywhere in the console),
 * the clusters that hold the server itself first.
 */
export function placeServers(
  clusters: readonly PlacementCluster[],
  firstServer: string | undefined,
): Record<string, ServerPlacement[]> {
  const byServer: Record<string, ServerPlacement[]> = {};
  for (const cluster of clusters) {
    for (const d of cluster.deployments) {
      const server = d.settings.spireServer ?? firstServer;
      if (!server) continue;
      (byServer[server] ??= []).push({
        cluster: cluster.name,
        deployment: d.deploymentName,
        namespace: d.settings.serverNamespace,
        serverInCluster: d.settings.serverInCluster,
      });
    }
  }
  for (const list of Object.values(byServer))
    list.sort((a, b) => Number(b.serverInCluster) - Number(a.serverInCluster));
  return byServer;
}
