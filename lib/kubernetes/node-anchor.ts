/** The Kubernetes page's anchor of a node's row (the Agents page links an agent's node there). */
export function kubernetesNodeAnchor(node: string): string {
  return `node-${node.replace(/[^A-Za-z0-9_.-]/g, "-")}`;
}
