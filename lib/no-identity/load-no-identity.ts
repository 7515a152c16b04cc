import "server-only";

import { userMessage } from "@/lib/api/user-message";
import { getStore } from "@/lib/auth/console-store";
import { authorize } from "@/lib/auth/guard";
import { resolveK8sClusters } from "@/lib/k8s/config";
import { links } from "@/lib/links";

import { findUnidentifiedPods, type UnidentifiedPod } from "./find-unidentified";
import { readClusterFacts } from "./read-cluster-facts";
import { applySuppressions, type IdentitySuppression } from "./suppression";

/** One cluster's workloads with no identity: those shown, those a rule hides, or why it could not be read. */
export type ClusterNoIdentity = {
  cluster: string;
  status: "ok" | "unreachable" | "invalid";
  message: string | null;
  pods: UnidentifiedPod[];
  suppressed: (UnidentifiedPod & { suppressedBy: string[] })[];
  /** Pods mounting the Workload API that were judged, and those whose server could not be read. */
  assessed: number;
  unassessed: number;
  serverErrors: { server: string; message: string }[];
  controllerError: string | null;
};

export type NoIdentityResponse = {
  clusters: ClusterNoIdentity[];
  suppressions: IdentitySuppression[];
  generatedAt: string;
};

const empty = { pods: [], suppressed: [], assessed: 0, unassessed: 0, serverErrors: [], controllerError: null };

/**
 * GET /api/kubernetes/no-identity: per configured cluster (or the one asked for), the pods that mount
 * the SPIFFE CSI volume or an agent socket but match no entry and no ClusterSPIFFEID, with why and a
 * prefilled fix, split by the stored suppression rules. Each cluster is read in parallel within its
 * Kubernetes deadline: one unreachable cluster marks only itself.
 */
export async function loadNoIdentity(ref: { cluster?: string } = {}, now = Date.now()): Promise<NoIdentityResponse> {
  await authorize("kubernetes.read");
  const suppressions = await (await getStore()).identitySuppressions.list();
  const all = resolveK8sClusters();
  const wanted = all.status === "ok" ? all.clusters.filter((c) => !ref.cluster || c.name === ref.cluster) : [];
  const clusters = await Promise.all(
    wanted.map(async (cluster): Promise<ClusterNoIdentity> => {
      if (cluster.status !== "ok") {
        return { cluster: cluster.name, status: "invalid", message: cluster.message, ...empty };
      }
      try {
        const read = await readClusterFacts(cluster);
        const found = findUnidentifiedPods(read.facts, links.noIdentity(cluster.name));
        const split = applySuppressions(cluster.name, found.pods, suppressions);
        return {
          cluster: cluster.name,
          status: "ok",
          message: null,
          pods: split.shown,
          suppressed: split.suppressed,
          assessed: found.assessed,
          unassessed: found.unassessed,
          serverErrors: read.serverErrors,
          controllerError: read.controllerError,
        };
      } catch (error) {
        const message = userMessage(error, `reading cluster ${cluster.name}`);
        return { cluster: cluster.name, status: "unreachable", message, ...empty };
      }
    }),
  );
  return { clusters, suppressions, generatedAt: new Date(now).toISOString() };
}
