// The spire-controller-manager part of the seeded world (issue 15), as data: namespace `shop` with
// four pods, two ClusterSPIFFEIDs, a ClusterStaticEntry and a ClusterFederatedTrustDomain. There is
// no controller in the stack: scripts/stack/seed-controller-manager.ts writes the SPIRE entries it
// would have created, and each object's status is computed here from the same plan, so the status
// numbers mirror what the seeded world really holds (including the failures below).
import type { SeedObject } from "./seed-types.ts";
import { NODES } from "./topology.ts";

export const CM_NAMESPACE = "shop";
export const CM_NAMESPACE_LABELS = { "spire-console.demo/mesh": "on" };
/** spire-controller-manager's `entryIDPrefix` in the demo: its entries are named `scm.<uuid>`. */
export const CM_ENTRY_PREFIX = "scm";
const GROUP = "spire.spiffe.io/v1alpha1";

export interface ControllerPod {
  name: string;
  app: "web" | "api" | "batch";
  serviceAccount: string;
  node: string;
  /** Whether the controller managed to create its entry (api's failed: the gap the console shows). */
  entry: boolean;
}

export const CM_PODS: readonly ControllerPod[] = [
  { name: "web-6d4f8-a1x7q", app: "web", serviceAccount: "web", node: NODES[0]!.name, entry: true },
  { name: "web-6d4f8-k2m9s", app: "web", serviceAccount: "web", node: NODES[1]!.name, entry: true },
  { name: "api-7c5b9-p4t2w", app: "api", serviceAccount: "api", node: NODES[1]!.name, entry: false },
  { name: "batch-5f7d2-r8v3z", app: "batch", serviceAccount: "batch", node: NODES[2]!.name, entry: false },
];

/** The UID of a web pod that was deleted: its entry is still in SPIRE (the other gap). */
export const CM_GONE_POD_UID = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
export const CM_GONE_POD_NODE = NODES[2]!.name;

const labelSelector = (matchLabels: Record<string, string>, matchExpressions: unknown[] = []) => ({
  matchLabels,
  matchExpressions,
});

/** `shop-mesh` renders web and api pods; the api pod's entry failed. `shop-batch` cannot render its pod. */
export function clusterSpiffeIds(): SeedObject[] {
  const mesh = CM_PODS.filter((p) => p.app === "web" || p.app === "api");
  const batch = CM_PODS.filter((p) => p.app === "batch");
  return [
    {
      apiVersion: GROUP,
      kind: "ClusterSPIFFEID",
      metadata: { name: "shop-mesh" },
      spec: {
        spiffeIDTemplate:
          "spiffe://{{ .TrustDomain }}/ns/{{ .PodMeta.Namespace }}/sa/{{ .PodSpec.ServiceAccountName }}",
        namespaceSelector: labelSelector(CM_NAMESPACE_LABELS),
        podSelector: labelSelector({}, [{ key: "app", operator: "In", values: ["web", "api"] }]),
        dnsNameTemplates: ["{{ .PodMeta.Name }}.{{ .PodMeta.Namespace }}.svc"],
      },
      status: {
        stats: {
          namespacesSelected: 1,
          namespacesIgnored: 0,
          podsSelected: mesh.length,
          podEntryRenderFailures: 0,
          entriesMasked: 0,
          entriesToSet: mesh.length,
          entryFailures: mesh.filter((p) => !p.entry).length,
        },
      },
    },
    {
      apiVersion: GROUP,
      kind: "ClusterSPIFFEID",
      metadata: { name: "shop-batch" },
      spec: {
        // The batch pod has no `team` label: the template cannot render for it.
        spiffeIDTemplate: 'spiffe://{{ .TrustDomain }}/team/{{ index .PodMeta.Labels "team" }}/{{ .PodMeta.Name }}',
        namespaceSelector: labelSelector(CM_NAMESPACE_LABELS),
        podSelector: labelSelector({ app: "batch" }),
      },
      status: {
        stats: {
          namespacesSelected: 1,
          namespacesIgnored: 0,
          podsSelected: batch.length,
          podEntryRenderFailures: batch.length,
          entriesMasked: 0,
          entriesToSet: 0,
          entryFailures: 0,
        },
      },
    },
  ];
}

/** The static entry the controller keeps in SPIRE. */
export const CM_STATIC_ENTRY = {
  name: "edge-gateway",
  spiffePath: "/static/edge-gateway",
  parentPath: "/node/fleet",
  selectors: ["unix:uid:2500"],
};

export function clusterStaticEntries(trustDomain: string): SeedObject[] {
  return [
    {
      apiVersion: GROUP,
      kind: "ClusterStaticEntry",
      metadata: { name: CM_STATIC_ENTRY.name },
      spec: {
        spiffeID: `spiffe://${trustDomain}${CM_STATIC_ENTRY.spiffePath}`,
        parentID: `spiffe://${trustDomain}${CM_STATIC_ENTRY.parentPath}`,
        selectors: CM_STATIC_ENTRY.selectors,
      },
      status: { rendered: true, masked: false, set: true },
    },
  ];
}

/** The federation with bar as the controller manager would declare it (the stack sets it up itself). */
export function clusterFederatedTrustDomains(partner: {
  trustDomain: string;
  bundleEndpointUrl: string;
}): SeedObject[] {
  return [
    {
      apiVersion: GROUP,
      kind: "ClusterFederatedTrustDomain",
      metadata: { name: partner.trustDomain.split(".")[0]! },
      spec: {
        trustDomain: partner.trustDomain,
        bundleEndpointURL: partner.bundleEndpointUrl,
        bundleEndpointProfile: {
          type: "https_spiffe",
          endpointSPIFFEID: `spiffe://${partner.trustDomain}/spire/server`,
        },
      },
    },
  ];
}
