import "server-only";

import { userMessage } from "@/lib/api/user-message";
import { authorize } from "@/lib/auth/guard";
import { resolveK8sClusters } from "@/lib/k8s/config";

import type { KubernetesSpireReport } from "./build-report";
import { getSpireReport } from "./load-spire-report";

/** One SPIRE deployment of one cluster, with its health, or why it could not be read. */
export type DeploymentHealth = {
  cluster: string;
  deployment: string;
  namespace: string | null;
  spireServer: string | null;
  /** The cluster's API server URL, when its configuration could be read. */
  apiServer: string | null;
  status: "ok" | "unreachable" | "invalid";
  message: string | null;
  healthy: boolean;
  errors: number;
  warnings: number;
  nodes: number;
  agents: number;
};

export type DeploymentsResponse = { deployments: DeploymentHealth[]; generatedAt: string };

/**
 * Every configured deployment in every cluster, each read in parallel within its cluster's
 * Kubernetes deadline: one unreachable cluster marks only its own deployments. Also returns the
 * reports (for the Overview and the page), keyed `cluster/deployment`.
 */
export async function loadDeploymentReports(
  now = Date.now(),
): Promise<{ deployments: DeploymentHealth[]; reports: Map<string, KubernetesSpireReport> }> {
  await authorize("kubernetes.read");
  const all = resolveK8sClusters();
  const reports = new Map<string, KubernetesSpireReport>();
  if (all.status !== "ok") return { deployments: [], reports };
  const rows = await Promise.all(
    all.clusters.flatMap((cluster): Promise<DeploymentHealth>[] => {
      if (cluster.status !== "ok") {
        return [Promise.resolve(failed(cluster.name, "—", null, null, "invalid", cluster.message))];
      }
      return cluster.deployments.map(async (target) => {
        const base = { namespace: target.settings.namespace, spireServer: target.settings.spireServer ?? null };
        try {
          const report = await getSpireReport(now, { cluster: cluster.name, deployment: target.deploymentName });
          reports.set(`${cluster.name}/${target.deploymentName}`, report);
          const errors = report.problems.filter((p) => p.severity === "error").length;
          return {
            cluster: cluster.name,
            deployment: target.deploymentName,
            ...base,
            spireServer: report.spire.serverName,
            apiServer: cluster.server,
            status: "ok" as const,
            message: null,
            healthy: errors === 0,
            errors,
            warnings: report.problems.length - errors,
            nodes: report.matrix.rows.length,
            agents: report.matrix.rows.filter((r) => r.spireAgents.length > 0).length,
          };
        } catch (error) {
          const message = userMessage(error, `reading cluster ${cluster.name}`);
          return {
            ...failed(cluster.name, target.deploymentName, base.namespace, cluster.server, "unreachable", message),
            spireServer: base.spireServer,
          };
        }
      });
    }),
  );
  return { deployments: rows, reports };
}

function failed(
  cluster: string,
  deployment: string,
  namespace: string | null,
  apiServer: string | null,
  status: "unreachable" | "invalid",
  message: string,
): DeploymentHealth {
  return {
    cluster,
    deployment,
    namespace,
    spireServer: null,
    apiServer,
    status,
    message,
    healthy: false,
    errors: 0,
    warnings: 0,
    nodes: 0,
    agents: 0,
  };
}

/** GET /api/kubernetes/deployments: every deployment's health, without the reports. */
export async function getDeployments(now = Date.now()): Promise<DeploymentsResponse> {
  const { deployments } = await loadDeploymentReports(now);
  return { deployments, generatedAt: new Date(now).toISOString() };
}
