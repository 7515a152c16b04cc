import type { KubernetesProblem } from "./problems";

const kindOf = (p: KubernetesProblem) => p.id.slice(0, p.id.indexOf(":"));

const daemonSetKinds = new Set(["ds-not-ready", "ds-rollout", "ds-misscheduled"]);
const agentPodKinds = new Set(["agent-pod-missing", "agent-pod-unhealthy"]);
const csiPodKinds = new Set(["csi-pod-missing", "csi-crashloop", "csi-unhealthy"]);

const sameNode = (a: KubernetesProblem, b: KubernetesProblem) => a.node !== undefined && a.node === b.node;
const sameNamespace = (a: KubernetesProblem, b: KubernetesProblem) =>
  a.namespace !== undefined && a.namespace === b.namespace;

/** A DaemonSet's not-ready (or stuck rollout) count, of the same install and component as `cause`. */
const daemonSetOf = (cause: KubernetesProblem, p: KubernetesProblem) =>
  daemonSetKinds.has(kindOf(p)) && sameNamespace(cause, p) && p.area === cause.area;

/**
 * Whether `cause` explains `symptom`, most fundamental causes first:
 * - PodSecurity refusing a namespace's pods → that install's DaemonSets not ready, and its pods missing on nodes;
 * - a missing DaemonSet → its pods missing on every node (and, for the agent, nodes with no attested agent);
 * - a NotReady node → every other problem on that node;
 * - no healthy agent pod on a node → no agent attested from it, and the agent DaemonSet's not-ready count;
 * - no healthy or registered CSI driver on a node → pods there that cannot mount the volume (and the CSI
 *   DaemonSet's not-ready count, for a pod that is missing or failing).
 */
const rules: ((cause: KubernetesProblem, symptom: KubernetesProblem) => boolean)[] = [
  (c, s) =>
    kindOf(c) === "pod-security" &&
    sameNamespace(c, s) &&
    (daemonSetKinds.has(kindOf(s)) || agentPodKinds.has(kindOf(s)) || csiPodKinds.has(kindOf(s))),
  (c, s) =>
    kindOf(c) === "ds-missing" &&
    sameNamespace(c, s) &&
    (c.area === "agents"
      ? kindOf(s) === "agent-pod-missing" || kindOf(s) === "node-no-agent"
      : kindOf(s) === "csi-pod-missing"),
  (c, s) => kindOf(c) === "node-not-ready" && sameNode(c, s),
  (c, s) => agentPodKinds.has(kindOf(c)) && ((kindOf(s) === "node-no-agent" && sameNode(c, s)) || daemonSetOf(c, s)),
  (c, s) =>
    (csiPodKinds.has(kindOf(c)) || kindOf(c) === "csi-unregistered") &&
    ((kindOf(s) === "failed-mount" && sameNode(c, s)) || (csiPodKinds.has(kindOf(c)) && daemonSetOf(c, s))),
];

/** The problem among `problems` that most directly explains `p` by the first rule that applies, or null. */
function directCause(p: KubernetesProblem, problems: readonly KubernetesProblem[]): KubernetesProblem | null {
  for (const rule of rules) {
    const cause = problems.find((c) => c !== p && rule(c, p));
    if (cause) return cause;
  }
  return null;
}

/**
 * Marks each problem that another one explains with its root cause's id (`causeId`), so a page shows
 * the root cause once with its symptoms under it: PodSecurity blocking the canary namespace is one
 * cause of both its DaemonSets' errors, a NotReady node of its agent and CSI pods being down. Chains
 * end at their root (a NotReady node explains the missing agent pod and the node without an agent);
 * the order of `problems` is kept. Pure.
 */
export function groupProblems(problems: readonly KubernetesProblem[]): KubernetesProblem[] {
  const causes = new Map(problems.map((p) => [p, directCause(p, problems)]));
  const order = new Map(problems.map((p, i) => [p, i]));
  /** The end of p's chain of causes; on a loop, the loop's first problem in list order (null for itself). */
  const rootOf = (p: KubernetesProblem): KubernetesProblem | null => {
    const chain = [p];
    for (let cause = causes.get(p) ?? null; cause; cause = causes.get(cause) ?? null) {
      if (chain.includes(cause)) {
        const loop = chain.slice(chain.indexOf(cause));
        const first = loop.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
        return first === p ? null : first;
      }
      chain.push(cause);
    }
    return chain.length > 1 ? chain.at(-1)! : null;
  };
  return problems.map((p) => {
    const { causeId: _old, ...plain } = p;
    const root = rootOf(p);
    return root ? { ...plain, causeId: root.id } : plain;
  });
}

/** A root cause with the problems it explains (from `groupProblems`' `causeId`), in the list's order. */
export type ProblemGroup = { cause: KubernetesProblem; symptoms: KubernetesProblem[] };

/** The grouped problems nested for display: each root cause (or lone problem) once, its symptoms under it. */
export function nestProblems(problems: readonly KubernetesProblem[]): ProblemGroup[] {
  const ids = new Set(problems.map((p) => p.id));
  const groups = problems
    .filter((p) => !p.causeId || !ids.has(p.causeId))
    .map((cause) => ({ cause, symptoms: [] as KubernetesProblem[] }));
  const byId = new Map(groups.map((g) => [g.cause.id, g]));
  for (const p of problems) if (p.causeId && ids.has(p.causeId)) byId.get(p.causeId)?.symptoms.push(p);
  return groups;
}
