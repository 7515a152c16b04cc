/**
 * Of one cluster's SPIRE deployments, the one whose agents run on a node with `nodeLabels` (its agent
 * DaemonSet's nodeSelector matches them); the most specific selector wins, as a deployment without one
 * would run on every node. Null when none matches or the node is unknown.
 */
export function pickServingDeployment<T extends { agentNodeSelector: Record<string, string> }>(
  deployments: readonly T[],
  nodeLabels: Record<string, string> | null,
): T | null {
  if (!nodeLabels) return null;
  const serving = deployments.filter((d) =>
    Object.entries(d.agentNodeSelector).every(([key, value]) => nodeLabels[key] === value),
  );
  serving.sort((a, b) => Object.keys(b.agentNodeSelector).length - Object.keys(a.agentNodeSelector).length);
  return serving[0] ?? null;
}
