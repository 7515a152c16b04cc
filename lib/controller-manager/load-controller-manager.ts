import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { userMessage } from "@/lib/api/user-message";
import { authorize } from "@/lib/auth/guard";
import type { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { entriesAt, slotsWithSelectorPrefix, slotsWithSpiffeIds } from "@/lib/entries/compact/read-entries";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
import { getK8sClients, type K8sClients } from "@/lib/k8s/client";
import { listClusterFederatedTrustDomains } from "@/lib/k8s/cluster-federated-trust-domains";
import { listClusterSpiffeIds } from "@/lib/k8s/cluster-spiffe-ids";
import { listClusterStaticEntries } from "@/lib/k8s/cluster-static-entries";
import { resolveK8sClusters } from "@/lib/k8s/config";
import { listNamespaces } from "@/lib/k8s/namespaces";
import { listNodes } from "@/lib/k8s/nodes";
import type { K8sClusterFederatedTrustDomain, K8sClusterSpiffeId, K8sClusterStaticEntry } from "@/lib/k8s/types";
import { listWorkloadPods } from "@/lib/k8s/workload-pods";
import { pickServer } from "@/lib/servers/resolve-server";
import { listFederationRelationships } from "@/lib/spire/federation";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { FederationRelationship } from "@/lib/spire/types";

import { type ControllerWorld, evaluateClusterSpiffeId, type SpiffeIdEvaluation, staticEntryMatch } from "./evaluate";

/** Everything the controller-manager views are computed from, read once. */
export type ControllerState = {
  server: string;
  /** The cluster's name in the console config. */
  cluster: string;
  world: ControllerWorld;
  /** False when the spire.spiffe.io CRDs are not installed in the cluster. */
  installed: boolean;
  spiffeIds: K8sClusterSpiffeId[];
  staticEntries: K8sClusterStaticEntry[];
  federatedTrustDomains: K8sClusterFederatedTrustDomain[];
  relationships: FederationRelationship[] | null;
  relationshipsError: string | null;
  entryIdPrefix: string | null;
};

/**
 * The entries the controller views reason over, picked in place from the index (no copy of every
 * entry): those with a `k8s:pod-uid:` selector (what a ClusterSPIFFEID renders) and those holding
 * the SPIFFE ID of a ClusterStaticEntry, in the index's order.
 */
function controllerEntries(index: CompactEntryIndex, statics: readonly K8sClusterStaticEntry[] | null) {
  const slots = new Set([
    ...slotsWithSelectorPrefix(index, "k8s:pod-uid:"),
    ...slotsWithSpiffeIds(
      index,
      (statics ?? []).map((o) => o.spec.spiffeID),
    ),
  ]);
  return entriesAt(
    index,
    [...slots].sort((a, b) => a - b),
  );
}

/** The cluster's CRD objects, pods and namespaces, and its SPIRE server's entries (no authorization). */
export async function readControllerState(clients: K8sClients = getK8sClients()): Promise<ControllerState> {
  const { settings, cluster } = clients.state;
  const server = pickServer(undefined, settings.spireServer);
  const trustDomain = await serverTrustDomain(server);
  const [spiffeIds, staticEntries, federated, namespaces, pods, nodes, index, relationships] = await Promise.all([
    listClusterSpiffeIds(clients),
    listClusterStaticEntries(clients),
    listClusterFederatedTrustDomains(clients),
    listNamespaces(clients),
    listWorkloadPods(clients),
    listNodes(clients),
    readEntryIndex(server, trustDomain),
    listFederationRelationships(server).then(
      (r) => ({ list: r, error: null }),
      (error: unknown) => ({ list: null, error: userMessage(error, "reading federation relationships") }),
    ),
  ]);
  const className = settings.controllerManager.className;
  const ofClass = <T extends { spec: { className: string | null } }>(items: T[] | null) =>
    (items ?? []).filter((o) => !o.spec.className || o.spec.className === className);
  return {
    server: server.name,
    cluster: clients.state.clusterName,
    world: {
      trustDomain,
      clusterName: settings.psatCluster ?? cluster.name,
      namespaces,
      pods,
      nodes,
      entries: controllerEntries(index, staticEntries),
      ignoreNamespaces: settings.controllerManager.ignoreNamespaces,
    },
    installed: spiffeIds !== null,
    spiffeIds: ofClass(spiffeIds),
    staticEntries: ofClass(staticEntries),
    federatedTrustDomains: ofClass(federated),
    relationships: relationships.list,
    relationshipsError: relationships.error,
    entryIdPrefix: settings.controllerManager.entryIdPrefix ?? null,
  };
}

/** The /controller-manager overview: every object with its status and what SPIRE holds for it. */
export type ControllerOverview = {
  server: string;
  /** The cluster shown, and every configured cluster (for links to the others). */
  cluster: string;
  clusters: string[];
  installed: boolean;
  spiffeIds: { object: K8sClusterSpiffeId; podsSelected: number; entries: number; gaps: number }[];
  staticEntries: { object: K8sClusterStaticEntry; entryId: string | null }[];
  federatedTrustDomains: {
    object: K8sClusterFederatedTrustDomain;
    /** Whether the SPIRE server has a relationship with the trust domain, and with the same endpoint. */
    relationship: "same" | "different" | "missing" | "unknown";
  }[];
};

/** Which cluster a view reads: `cluster` by its name in the config; default the first configured. */
export type ClusterRef = { cluster?: string };

async function authorized(ref: ClusterRef): Promise<ControllerState> {
  await authorize("kubernetes.read");
  const state = await readControllerState(getK8sClients({ cluster: ref.cluster }));
  await authorize("entries.read", { server: state.server });
  return state;
}

function configuredClusters(): string[] {
  const all = resolveK8sClusters();
  return all.status === "ok" ? all.clusters.map((c) => c.name) : [];
}

/**
 * Every spire-controller-manager object of one cluster (default the first configured) with its
 * status, for the overview page; 404 `not_found` for a cluster that is not configured.
 */
export async function loadControllerOverview(ref: ClusterRef = {}): Promise<ControllerOverview> {
  const state = await authorized(ref);
  return {
    server: state.server,
    cluster: state.cluster,
    clusters: configuredClusters(),
    installed: state.installed,
    spiffeIds: state.spiffeIds.map((object) => {
      const evaluation = evaluateClusterSpiffeId(object, state.world);
      return {
        object,
        podsSelected: evaluation.pods.length,
        entries: evaluation.entryIds.length,
        gaps: evaluation.gaps.length,
      };
    }),
    staticEntries: state.staticEntries.map((object) => ({
      object,
      entryId: staticEntryMatch(object, state.world.entries)?.id ?? null,
    })),
    federatedTrustDomains: state.federatedTrustDomains.map((object) => {
      const found = state.relationships?.find((r) => r.trustDomain === object.spec.trustDomain);
      const relationship = !state.relationships
        ? "unknown"
        : !found
          ? "missing"
          : found.bundleEndpointUrl === object.spec.bundleEndpointURL
            ? "same"
            : "different";
      return { object, relationship };
    }),
  };
}

/** One ClusterSPIFFEID of one cluster (default the first configured) evaluated against it and SPIRE. */
export async function loadClusterSpiffeId(
  name: string,
  ref: ClusterRef = {},
): Promise<{
  server: string;
  cluster: string;
  clusters: string[];
  object: K8sClusterSpiffeId;
  evaluation: SpiffeIdEvaluation;
}> {
  const state = await authorized(ref);
  const object = state.spiffeIds.find((o) => o.name === name);
  if (!object) {
    throw new ApiError("not_found", `There is no ClusterSPIFFEID '${name}' in cluster '${state.cluster}'.`);
  }
  return {
    server: state.server,
    cluster: state.cluster,
    clusters: configuredClusters(),
    object,
    evaluation: evaluateClusterSpiffeId(object, state.world),
  };
}
