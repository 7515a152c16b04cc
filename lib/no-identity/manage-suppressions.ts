import "server-only";

import { randomBytes } from "node:crypto";

import { ApiError } from "@/lib/api/api-error";
import { audited } from "@/lib/audit/write-audit";
import { getStore } from "@/lib/auth/console-store";
import { authorize } from "@/lib/auth/guard";
import { resolveK8sClusters } from "@/lib/k8s/config";
import type { SuppressionInput } from "@/lib/schemas/kubernetes";

import { clusterServers } from "./read-cluster-facts";
import type { IdentitySuppression } from "./suppression";

const target = (id: string) => ({ type: "identity-suppression", id, spiffeId: null });

/** The servers whose pods a rule of `cluster` can hide; 400 on the field for a cluster the config lacks. */
function serversOf(cluster: string): string[] {
  const all = resolveK8sClusters();
  const found = all.status === "ok" ? all.clusters.find((c) => c.name === cluster) : undefined;
  if (!found || found.status !== "ok") {
    const message = `No readable Kubernetes cluster '${cluster}' is configured`;
    throw new ApiError("invalid_argument", `${message}.`, [{ path: "cluster", message }]);
  }
  return clusterServers(found);
}

/**
 * Checks `kubernetes.suppress`, then on every server whose pods the cluster's rules can hide. A rule of a
 * cluster no longer configured can still be deleted (`configured: false`) by whoever may suppress at all.
 */
async function authorizeCluster(cluster: string, configured = true) {
  const principal = await authorize("kubernetes.suppress");
  let servers: string[] = [];
  try {
    servers = serversOf(cluster);
  } catch (error) {
    if (configured) throw error;
  }
  for (const server of servers) await authorize("kubernetes.suppress", { server });
  return principal;
}

/** Every stored suppression rule (anyone who may read Kubernetes sees them). */
export async function listSuppressions(): Promise<IdentitySuppression[]> {
  await authorize("kubernetes.read");
  return (await getStore()).identitySuppressions.list();
}

/** Stores a rule that hides a namespace's or a label's pods of one cluster from the no-identity list (audited). */
export async function createSuppression(input: SuppressionInput, now = Date.now()): Promise<IdentitySuppression> {
  const principal = await authorizeCluster(input.cluster);
  const rule: IdentitySuppression = {
    ...input,
    id: randomBytes(9).toString("base64url"),
    createdBy: `${principal.name} (${principal.subject})`,
    createdAt: now,
  };
  const store = await getStore();
  const change = { action: "kubernetes.suppression.create", target: target(rule.id), after: rule };
  await audited(change, () => store.identitySuppressions.put(rule, now));
  return rule;
}

/** Deletes a rule (audited): its pods show again. 404 when there is none. */
export async function deleteSuppression(id: string): Promise<{ deleted: IdentitySuppression }> {
  await authorize("kubernetes.suppress");
  const store = await getStore();
  const before = await store.identitySuppressions.get(id);
  if (!before) throw new ApiError("not_found", `No suppression rule with ID ${id}.`);
  await authorizeCluster(before.cluster, false);
  const change = { action: "kubernetes.suppression.delete", target: target(id), before };
  const deleted = await audited(change, () => store.identitySuppressions.delete(id));
  if (!deleted) throw new ApiError("not_found", `No suppression rule with ID ${id}.`);
  return { deleted: before };
}
