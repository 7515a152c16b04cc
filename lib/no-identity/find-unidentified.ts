import type { K8sNode, WorkloadPod } from "@/lib/k8s/types";
import { pickServingDeployment } from "@/lib/kubernetes/serving-deployment";
import { links } from "@/lib/links";
import type { Agent, Selector } from "@/lib/spire/types";
import { agentForNode, type ControllerFacts } from "@/lib/troubleshoot/diagnose-workload";
import {
  matchingEntries,
  type NearMiss,
  rankNearMisses,
  type ServingParent,
  servingParents,
} from "@/lib/troubleshoot/match-entries";
import { nearMissReason } from "@/lib/troubleshoot/near-miss-reason";
import { suggestEntry } from "@/lib/troubleshoot/suggest-entry";
import type { WorkloadEntries } from "@/lib/troubleshoot/workload-entries";
import { containerSelectors } from "@/lib/troubleshoot/workload-selectors";

import { type WorkloadApiMount, workloadApiMount } from "./workload-api-mount";

/** One SPIRE deployment of the cluster, as far as telling its pods apart goes. */
export type DeploymentFacts = {
  name: string;
  namespace: string;
  /** The console's name of the SPIRE server its agents attest to; null when not configured. */
  server: string | null;
  psatCluster: string;
  agentNodeSelector: Record<string, string>;
  agentSocketDir: string | null;
  csiDriver: string;
  /** Its agent and CSI driver DaemonSets (their own pods mount the socket and are not workloads). */
  daemonSets: string[];
};

/** One SPIRE server's entries (as far as workloads go) and agents. */
export type ServerFacts = { trustDomain: string; agents: readonly Agent[]; entries: WorkloadEntries };

export type ClusterFacts = {
  cluster: string;
  nodes: readonly Pick<K8sNode, "name" | "uid" | "labels">[];
  deployments: readonly DeploymentFacts[];
  pods: readonly WorkloadPod[];
  /** Pods a ClusterSPIFFEID of the cluster's spire-controller-manager selects and renders an ID for. */
  controllerPodUids: ReadonlySet<string>;
  /** Who renders which entry (for the reasons' wording); optional. */
  controller?: ControllerFacts;
  /** By server name; a server missing here (unreadable) leaves its pods out, counted in `unassessed`. */
  servers: ReadonlyMap<string, ServerFacts>;
};

export type NoIdentityKind = "no-entry" | "other-agent" | "near-miss";

export type NoIdentityAction = { label: string; href: string };

/** A pod that mounts the Workload API but matches no entry and no ClusterSPIFFEID, and why. */
export type UnidentifiedPod = {
  namespace: string;
  name: string;
  uid: string;
  node: string | null;
  serviceAccount: string;
  labels: Record<string, string>;
  mount: WorkloadApiMount;
  deployment: string;
  server: string;
  kind: NoIdentityKind;
  /** The reason in one sentence (the troubleshooter's words for a near miss). */
  title: string;
  /** The entry that nearly matches (other agent or selector near miss). */
  entry: { id: string; spiffeId: string; parentId: string } | null;
  /** For a selector near miss: each selector the entry wants and the pod's values of that attribute. */
  differences: { expected: string; actual: string[] }[];
  /** The parent a new entry gets: the agent on the pod's node (or the ID it would have); null without a node. */
  parentId: string | null;
  /** "Edit the existing entry" first where an entry nearly matches, then "Create entry", prefilled. */
  actions: NoIdentityAction[];
};

export type ClusterFindings = {
  pods: UnidentifiedPod[];
  /** Pods mounting the Workload API whose server could not be read (not assessed). */
  unassessed: number;
  /** Pods mounting the Workload API that were assessed. */
  assessed: number;
};

const selectorText = (s: Selector) => `${s.type}:${s.value}`;

/** The agent ID a k8s_psat agent on the node has or would have. */
const psatAgentId = (td: string, cluster: string, nodeUid: string) =>
  `spiffe://${td}/spire/agent/k8s_psat/${cluster}/${nodeUid}`;

function isSpireComponent(pod: WorkloadPod, deployments: readonly DeploymentFacts[]): boolean {
  const daemonSets = new Set(deployments.flatMap((d) => d.daemonSets));
  return (
    deployments.some((d) => d.namespace === pod.namespace) ||
    pod.owners.some((o) => o.kind === "DaemonSet" && daemonSets.has(o.name))
  );
}

type Assessment = { pod: WorkloadPod; mount: WorkloadApiMount; deployment: DeploymentFacts; spire: ServerFacts };

/** Why the pod gets no identity, or null when one of its containers matches an entry under a parent serving it. */
function assess(a: Assessment, facts: ClusterFacts, returnTo: string | undefined): UnidentifiedPod | null {
  const { pod, deployment, spire } = a;
  const server = deployment.server!;
  const node = facts.nodes.find((n) => n.name === pod.nodeName) ?? null;
  const agent = node ? agentForNode(spire.agents, node.uid, deployment.psatCluster) : null;
  const expected = node ? psatAgentId(spire.trustDomain, deployment.psatCluster, node.uid) : null;
  // Without an agent on its node, an entry under the ID that node's agent would get still registers the pod.
  const parents: ServingParent[] = agent
    ? servingParents(agent, spire.entries.aliases, spire.trustDomain)
    : expected
      ? [{ spiffeId: expected, kind: "agent", entryId: null }]
      : [];
  const containers = containerSelectors(pod).filter((c) => !c.init);
  const selectors = containers[0]?.selectors ?? [];
  const entries = spire.entries.near(
    parents.map((p) => p.spiffeId),
    containers.flatMap((c) => c.selectors),
  );
  if (containers.some((c) => matchingEntries(entries, c.selectors, parents).length > 0)) return null;
  const nearMisses = rankNearMisses(entries, selectors, parents, {
    trustDomain: spire.trustDomain,
    agents: spire.agents,
    aliases: spire.entries.aliases,
    agent,
    nodeUids: new Set(facts.nodes.map((n) => n.uid)),
    cluster: deployment.psatCluster,
  });
  const parentId = agent?.spiffeId ?? expected;
  const suggestion = suggestEntry(pod, spire.trustDomain);
  const create = {
    label: "Create entry",
    href: links.newEntry(server, { parentId: parentId ?? undefined, ...suggestion, returnTo }),
  };
  const base = {
    namespace: pod.namespace,
    name: pod.name,
    uid: pod.uid,
    node: pod.nodeName,
    serviceAccount: pod.serviceAccount,
    labels: pod.labels,
    mount: a.mount,
    deployment: deployment.name,
    server,
    parentId,
  };
  const top: NearMiss | undefined = nearMisses[0];
  if (!top) {
    const where = parentId ? ` under ${parentId}` : "";
    return {
      ...base,
      kind: "no-entry",
      title: `No registration entry matches this pod${where}, and none comes close.`,
      entry: null,
      differences: [],
      actions: [create],
    };
  }
  const reason = nearMissReason(top, { server, returnTo, controller: facts.controller }, agent);
  return {
    ...base,
    kind: top.missing.length === 0 ? "other-agent" : "near-miss",
    title: reason.title,
    entry: { id: top.entry.id, spiffeId: top.entry.spiffeId, parentId: top.entry.parentId },
    differences: top.differences.map((d) => ({
      expected: selectorText(d.expected),
      actual: d.actual.map(selectorText),
    })),
    actions: [
      reason.action ?? { label: "Edit the existing entry", href: links.editEntry(server, top.entry.id) },
      create,
    ],
  };
}

/**
 * The cluster's pods that mount the SPIFFE CSI driver's volume or an agent's socket directory but get
 * no identity: no entry matches them under a parent serving their node and no ClusterSPIFFEID selects
 * them. Each with why (no entry; an entry with its selectors under another agent or a node alias that
 * does not cover the node; an entry a few selectors off, named), found with the troubleshooter's
 * selector derivation and near-miss ranking, and a prefilled "Create entry" (after "Edit the existing
 * entry" where one nearly matches). SPIRE's own pods (the deployments' namespaces, their agent and CSI
 * DaemonSets) are left out. Sorted by namespace and name.
 */
export function findUnidentifiedPods(facts: ClusterFacts, returnTo?: string): ClusterFindings {
  const drivers = [...new Set(facts.deployments.map((d) => d.csiDriver))];
  const dirs = facts.deployments.flatMap((d) => (d.agentSocketDir ? [d.agentSocketDir] : []));
  const found: UnidentifiedPod[] = [];
  let unassessed = 0;
  let assessed = 0;
  for (const pod of facts.pods) {
    const mount = workloadApiMount(pod, drivers, dirs);
    if (!mount || isSpireComponent(pod, facts.deployments)) continue;
    const node = facts.nodes.find((n) => n.name === pod.nodeName);
    const deployment =
      pickServingDeployment(facts.deployments, node?.labels ?? null) ??
      facts.deployments.find((d) => d.server !== null) ??
      null;
    const spire = deployment?.server ? facts.servers.get(deployment.server) : undefined;
    if (!deployment || !spire) {
      unassessed++;
      continue;
    }
    assessed++;
    if (facts.controllerPodUids.has(pod.uid)) continue;
    const result = assess({ pod, mount, deployment, spire }, facts, returnTo);
    if (result) found.push(result);
  }
  found.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  return { pods: found, unassessed, assessed };
}
