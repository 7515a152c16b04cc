import "server-only";

import type { K8sClients } from "./client";
import { listSpireObjects, read } from "./spire-custom-objects";
import type { K8sClusterSpiffeId, K8sLabelSelector } from "./types";

function toSelector(value: unknown): K8sLabelSelector | null {
  if (typeof value !== "object" || value === null) return null;
  const raw = read.object(value);
  const labels = read.object(raw.matchLabels);
  return {
    matchLabels: Object.fromEntries(Object.entries(labels).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >,
    matchExpressions: (Array.isArray(raw.matchExpressions) ? raw.matchExpressions : []).map((e) => {
      const expression = read.object(e);
      return {
        key: read.string(expression.key) ?? "",
        operator: read.string(expression.operator) ?? "",
        values: read.strings(expression.values),
      };
    }),
  };
}

function toClusterSpiffeId(item: Record<string, unknown>): K8sClusterSpiffeId {
  const spec = read.object(item.spec);
  const stats = read.object(read.object(item.status).stats);
  return {
    name: read.string(read.object(item.metadata).name) ?? "",
    spec: {
      spiffeIDTemplate: read.string(spec.spiffeIDTemplate) ?? "",
      namespaceSelector: toSelector(spec.namespaceSelector),
      podSelector: toSelector(spec.podSelector),
      workloadSelectorTemplates: read.strings(spec.workloadSelectorTemplates),
      dnsNameTemplates: read.strings(spec.dnsNameTemplates),
      federatesWith: read.strings(spec.federatesWith),
      ttl: read.string(spec.ttl),
      jwtTtl: read.string(spec.jwtTtl),
      admin: read.boolean(spec.admin),
      downstream: read.boolean(spec.downstream),
      autoPopulateDNSNames: read.boolean(spec.autoPopulateDNSNames),
      className: read.string(spec.className),
      fallback: read.boolean(spec.fallback),
      hint: read.string(spec.hint),
    },
    stats: Object.keys(stats).length
      ? {
          namespacesSelected: read.number(stats.namespacesSelected),
          namespacesIgnored: read.number(stats.namespacesIgnored),
          podsSelected: read.number(stats.podsSelected),
          podEntryRenderFailures: read.number(stats.podEntryRenderFailures),
          entriesMasked: read.number(stats.entriesMasked),
          entriesToSet: read.number(stats.entriesToSet),
          entryFailures: read.number(stats.entryFailures),
        }
      : null,
  };
}

/** Every ClusterSPIFFEID, or null when the CRD is not installed. */
export async function listClusterSpiffeIds(clients: K8sClients): Promise<K8sClusterSpiffeId[] | null> {
  const items = await listSpireObjects(clients, "clusterspiffeids");
  return items && items.map(toClusterSpiffeId).sort((a, b) => a.name.localeCompare(b.name));
}
