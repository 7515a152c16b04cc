// A problem the Kubernetes view reports: what is wrong, in plain words, and how to fix it.

export type K8sProblemArea =
  "server" | "agents" | "csi-driver" | "nodes" | "sockets" | "pod-security" | "events" | "bundle";

export type K8sProblem = {
  /** Stable id for tests and React keys, e.g. "csi-crashloop:demo-node-2". */
  id: string;
  severity: "error" | "warning";
  area: K8sProblemArea;
  title: string;
  detail: string;
  fix: string;
};

/** Errors first, then warnings; stable within each. */
export function sortProblems(problems: readonly K8sProblem[]): K8sProblem[] {
  const rank = { error: 0, warning: 1 } as const;
  return [...problems].sort((a, b) => rank[a.severity] - rank[b.severity]);
}
