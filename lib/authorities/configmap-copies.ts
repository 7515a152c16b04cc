import "server-only";

import { userMessage } from "@/lib/api/user-message";
import type { ServerConfig } from "@/lib/config/schema";
import { clientsFor } from "@/lib/k8s/client";
import { type K8sTarget, resolveK8sClusters } from "@/lib/k8s/config";
import { readConfigMapBundle } from "@/lib/k8s/configmaps";
import { configuredServers } from "@/lib/servers/resolve-server";
import type { AuthorityKind } from "@/lib/spire/types";

import type { BundleCopy } from "./rotation-types";
import { BUNDLE_PUBLISHER_SECONDS } from "./timings";

type Target = {
  deployment: K8sTarget;
  namespace: string;
  name: string;
  key: string | null;
  label: string;
  /** How SPIRE keeps this copy current, and how long that usually takes. */
  updates: string;
};

const NOTIFIER =
  "SPIRE's k8sbundle notifier rewrites it when the bundle changes, usually within seconds; agents and " +
  "workloads that bootstrap from it reject SVIDs from an authority it lacks.";
const PUBLISHER =
  `SPIRE's k8s_configmap bundle publisher writes it when the bundle changes and at least every ` +
  `${BUNDLE_PUBLISHER_SECONDS} s; whoever reads it rejects what an authority it lacks signed.`;

/** The ConfigMaps of the configured clusters that hold `server`'s bundle and carry authorities of `kind`. */
function targetsOf(server: ServerConfig, kind: AuthorityKind): Target[] {
  const all = resolveK8sClusters();
  if (all.status !== "ok" || kind === "wit") return [];
  const first = configuredServers()[0]?.name;
  const clusters = all.clusters.flatMap((c) => (c.status === "ok" ? [c] : []));
  const serving = clusters.flatMap((c) =>
    c.deployments.filter((d) => (d.settings.spireServer ?? first) === server.name).map((d) => ({ c, d })),
  );
  const targets: Target[] = [];
  if (kind === "x509") {
    for (const { c, d } of serving) {
      const { namespace, bundleConfigMap: name } = d.settings;
      targets.push({
        deployment: d,
        namespace,
        name,
        key: null,
        label: `ConfigMap ${namespace}/${name} (cluster ${c.name})`,
        updates: NOTIFIER,
      });
    }
  }
  for (const t of server.k8sBundlePublisher ?? []) {
    if (t.format === "pem" && kind !== "x509") continue;
    const cluster = t.cluster ? clusters.find((c) => c.name === t.cluster) : (serving[0]?.c ?? clusters[0]);
    const deployment = cluster?.deployments[0];
    if (!cluster || !deployment) continue;
    targets.push({
      deployment,
      namespace: t.namespace,
      name: t.configMapName,
      key: t.configMapKey,
      label: `ConfigMap ${t.namespace}/${t.configMapName} (k8s_configmap bundle publisher, cluster ${cluster.name})`,
      updates: PUBLISHER,
    });
  }
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.deployment.clusterName}/${t.namespace}/${t.name}/${t.key ?? ""}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * The copies of `server`'s bundle in Kubernetes ConfigMaps the console knows of: the bundle
 * ConfigMap it watches in every cluster whose agents attest to `server` (X.509 only, as the
 * k8sbundle notifier writes PEM), and the targets of the server's k8s_configmap bundle publisher
 * from config (in their `cluster`, else the first that serves `server`, else the first).
 * A ConfigMap that is missing or cannot be read is a copy whose holdings are unknown, with the reason.
 */
export async function configMapCopies(
  server: ServerConfig,
  trustDomain: string,
  kind: AuthorityKind,
): Promise<BundleCopy[]> {
  const targets = targetsOf(server, kind);
  if (targets.length === 0) return [];
  return Promise.all(
    targets.map(async (target): Promise<BundleCopy> => {
      const base = {
        kind: "configmap" as const,
        label: target.label,
        server: null,
        trustDomain,
        updates: target.updates,
      };
      try {
        const read = await readConfigMapBundle(clientsFor(target.deployment), target);
        if (!read) return { ...base, authorities: null, reason: `The ConfigMap does not exist. ${target.updates}` };
        const held = kind === "x509" ? read.keys.x509 : read.keys.jwt;
        const authorities = held.map((k) => ({
          id: k.id,
          tainted: false,
          expiresAt: "notAfter" in k ? (k.notAfter as string | null) : null,
          notBefore: null,
        }));
        return { ...base, authorities, reason: null };
      } catch (error) {
        return {
          ...base,
          authorities: null,
          reason: userMessage(error, `reading ConfigMap ${target.namespace}/${target.name}`),
        };
      }
    }),
  );
}
