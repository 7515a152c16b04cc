// A problem the Kubernetes view reports: what is wrong, in plain words, and how to fix it.

export type KubernetesProblemArea =
  "server" | "agents" | "csi-driver" | "nodes" | "sockets" | "pod-security" | "events" | "bundle";

export type KubernetesProblem = {
  /** Stable id for tests and React keys, e.g. "csi-crashloop:demo-node-2". */
  id: string;
  severity: "error" | "warning";
  area: KubernetesProblemArea;
  title: string;
  detail: string;
  fix: string;
  /** The node the problem is on, when it is about one node (the matrix's rows, a pod's failed mount). */
  node?: string;
  /** The namespace of the SPIRE install it concerns (DaemonSets, PodSecurity, socket paths, node rows). */
  namespace?: string;
  /** The id of the problem that causes this one, shown under it (set by `groupProblems`). */
  causeId?: string;
};

/** Errors first, then warnings; stable within each. */
export function sortProblems(problems: readonly KubernetesProblem[]): KubernetesProblem[] {
  const rank = { error: 0, warning: 1 } as const;
  return [...problems].sort((a, b) => rank[a.severity] - rank[b.severity]);
}
