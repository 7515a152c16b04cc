import "server-only";

import { existsSync, statSync } from "node:fs";
import path from "node:path";

import type { KubeConfig } from "@kubernetes/client-node";

import { type DeploymentConfig, deploymentName, toClusterList } from "@/lib/config/kubernetes-schema";
import { loadConfig } from "@/lib/config/load-config";

import { loadedK8sLibrary, loadK8sLibrary } from "./library";

const IN_CLUSTER_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

/** One deployment's names plus its cluster's connection settings. */
export type K8sSettings = DeploymentConfig & {
  serverNamespace: string;
  timeoutMs: number;
  kubeconfig?: string;
  context?: string;
};

/** Where the cluster connection came from, for display ("kubeconfig /x (context demo)"). */
export type K8sSource = { kind: "kubeconfig"; path: string; context: string } | { kind: "in-cluster" };

export type K8sConfigState =
  | {
      status: "ok";
      kubeConfig: KubeConfig;
      settings: K8sSettings;
      source: K8sSource;
      cluster: { name: string; server: string };
      /** The cluster's name in the console config (the kubeconfig's cluster name for the single-cluster form). */
      clusterName: string;
      /** The deployment's name within its cluster. */
      deploymentName: string;
    }
  | { status: "not_configured"; message: string }
  | { status: "invalid"; message: string };

/** One SPIRE deployment in one reachable-by-config cluster. */
export type K8sTarget = Extract<K8sConfigState, { status: "ok" }>;

/** A configured cluster: its deployments, or why its configuration cannot be used. */
export type K8sClusterResolution =
  | { name: string; status: "ok"; server: string; deployments: K8sTarget[] }
  | { name: string; status: "invalid"; message: string };

export type K8sClustersState =
  { status: "ok"; clusters: K8sClusterResolution[] } | { status: "not_configured"; message: string };

const NOT_CONFIGURED =
  "Kubernetes is not configured: set kubernetes.kubeconfig in the console config or KUBECONFIG, " +
  "or run the console in a cluster.";

const LIBRARY_LOADING =
  "Kubernetes was configured after the console started: its client library is loading. Try again in a moment.";

const cached = new Map<string, K8sClusterResolution>();

/**
 * Resolves every configured cluster: the console config's `kubernetes.clusters` (or its
 * single-cluster form), each through its kubeconfig, else `KUBECONFIG`, else the in-cluster
 * service account. Never falls back to the client library's default of http://localhost:8080.
 * One cluster's bad configuration marks only that cluster invalid.
 */
export function resolveK8sClusters(): K8sClustersState {
  const consoleConfig = loadConfig();
  const section = consoleConfig.status === "ok" ? consoleConfig.config.kubernetes : undefined;
  const configDir = consoleConfig.status === "ok" ? path.dirname(consoleConfig.source) : process.cwd();
  const list = toClusterList(section);
  const clusters: K8sClusterResolution[] = [];
  for (const cluster of list) {
    const kubeconfigPath = cluster.kubeconfig
      ? path.resolve(configDir, cluster.kubeconfig)
      : process.env.KUBECONFIG?.split(path.delimiter).find((p) => p && existsSync(p));
    const inCluster = !kubeconfigPath && Boolean(process.env.KUBERNETES_SERVICE_HOST) && existsSync(IN_CLUSTER_TOKEN);
    if (!kubeconfigPath && !inCluster) {
      if (list.length === 1 && !section?.clusters) return { status: "not_configured", message: NOT_CONFIGURED };
      clusters.push({ name: cluster.name ?? "default", status: "invalid", message: NOT_CONFIGURED });
      continue;
    }
    const library = loadedK8sLibrary();
    if (!library) {
      clusters.push({ name: cluster.name ?? "default", status: "invalid", message: LIBRARY_LOADING });
      continue;
    }
    const mtime = kubeconfigPath && existsSync(kubeconfigPath) ? statSync(kubeconfigPath).mtimeMs : 0;
    const key = JSON.stringify([kubeconfigPath ?? "in-cluster", mtime, cluster]);
    let resolved = cached.get(key);
    if (!resolved) {
      resolved = load(new library.KubeConfig(), kubeconfigPath, cluster);
      if (cached.size > 64) cached.clear();
      cached.set(key, resolved);
    }
    clusters.push(resolved);
  }
  return { status: "ok", clusters };
}

/**
 * One deployment's connection: the named cluster and deployment, or by default the first
 * deployment of the first cluster (what the single-cluster config always meant).
 */
export function resolveK8sConfig(ref: { cluster?: string; deployment?: string } = {}): K8sConfigState {
  const all = resolveK8sClusters();
  if (all.status !== "ok") return all;
  const cluster = ref.cluster ? all.clusters.find((c) => c.name === ref.cluster) : all.clusters[0];
  if (!cluster) return { status: "invalid", message: `No Kubernetes cluster '${ref.cluster}' is configured.` };
  if (cluster.status !== "ok") return cluster;
  const target = ref.deployment
    ? cluster.deployments.find((d) => d.deploymentName === ref.deployment)
    : cluster.deployments[0];
  if (!target) {
    return { status: "invalid", message: `Cluster '${cluster.name}' has no SPIRE deployment '${ref.deployment}'.` };
  }
  return target;
}

function load(
  kubeConfig: KubeConfig,
  kubeconfigPath: string | undefined,
  cluster: ReturnType<typeof toClusterList>[number],
): K8sClusterResolution {
  const fallbackName = cluster.name ?? "default";
  try {
    if (!kubeconfigPath) {
      kubeConfig.loadFromCluster();
    } else {
      if (!existsSync(kubeconfigPath)) {
        return { name: fallbackName, status: "invalid", message: `The kubeconfig ${kubeconfigPath} does not exist.` };
      }
      kubeConfig.loadFromFile(kubeconfigPath);
      if (cluster.context) {
        if (!kubeConfig.getContextObject(cluster.context)) {
          return {
            name: fallbackName,
            status: "invalid",
            message: `The kubeconfig ${kubeconfigPath} has no context '${cluster.context}'.`,
          };
        }
        kubeConfig.setCurrentContext(cluster.context);
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { name: fallbackName, status: "invalid", message: `Cannot read the Kubernetes configuration: ${reason}` };
  }
  const current = kubeConfig.getCurrentCluster();
  if (!current?.server) {
    return {
      name: fallbackName,
      status: "invalid",
      message:
        `The kubeconfig ${kubeconfigPath ?? "(in-cluster)"} names no cluster server ` +
        `for context '${kubeConfig.getCurrentContext()}'.`,
    };
  }
  const source: K8sSource = kubeconfigPath
    ? { kind: "kubeconfig", path: kubeconfigPath, context: kubeConfig.getCurrentContext() }
    : { kind: "in-cluster" };
  const name = cluster.name ?? current.name;
  const deployments = cluster.deployments.map((d): K8sTarget => ({
    status: "ok",
    kubeConfig,
    settings: {
      ...d,
      serverNamespace: d.serverNamespace ?? d.namespace,
      psatCluster: d.psatCluster ?? (cluster.name ? cluster.name : undefined),
      timeoutMs: cluster.timeoutMs,
      ...(cluster.kubeconfig ? { kubeconfig: cluster.kubeconfig } : {}),
      ...(cluster.context ? { context: cluster.context } : {}),
    },
    source,
    cluster: { name: current.name, server: current.server },
    clusterName: name,
    deploymentName: deploymentName(d),
  }));
  return { name, status: "ok", server: current.server, deployments };
}

/**
 * Loads the Kubernetes client library at start when a cluster is configured (the console's start
 * awaits it), so no request finds it loading; without Kubernetes it is never loaded.
 */
export async function loadK8sLibraryIfConfigured(): Promise<void> {
  if (resolveK8sClusters().status === "ok") await loadK8sLibrary();
}
