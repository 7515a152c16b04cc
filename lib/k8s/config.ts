import "server-only";

import { existsSync, statSync } from "node:fs";
import path from "node:path";

import { KubeConfig } from "@kubernetes/client-node";

import { type KubernetesConfig, kubernetesConfigSchema } from "@/lib/config/kubernetes-schema";
import { loadConfig } from "@/lib/config/load-config";

const IN_CLUSTER_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

export type K8sSettings = KubernetesConfig & { serverNamespace: string };

/** Where the cluster connection came from, for display ("kubeconfig /x (context demo)"). */
export type K8sSource = { kind: "kubeconfig"; path: string; context: string } | { kind: "in-cluster" };

export type K8sConfigState =
  | {
      status: "ok";
      kubeConfig: KubeConfig;
      settings: K8sSettings;
      source: K8sSource;
      cluster: { name: string; server: string };
    }
  | { status: "not_configured"; message: string }
  | { status: "invalid"; message: string };

let cached: { key: string; state: K8sConfigState } | undefined;

/**
 * Resolves how the console reaches Kubernetes: the console config's `kubernetes.kubeconfig`,
 * else `KUBECONFIG`, else the in-cluster service account. Never falls back to the client
 * library's default of http://localhost:8080: without one of those it is "not configured".
 */
export function resolveK8sConfig(): K8sConfigState {
  const consoleConfig = loadConfig();
  const section = consoleConfig.status === "ok" ? consoleConfig.config.kubernetes : undefined;
  const settings = withDefaults(section);
  const configDir = consoleConfig.status === "ok" ? path.dirname(consoleConfig.source) : process.cwd();
  const kubeconfigPath = section?.kubeconfig
    ? path.resolve(configDir, section.kubeconfig)
    : process.env.KUBECONFIG?.split(path.delimiter).find((p) => p && existsSync(p));
  const inCluster = !kubeconfigPath && Boolean(process.env.KUBERNETES_SERVICE_HOST) && existsSync(IN_CLUSTER_TOKEN);
  if (!kubeconfigPath && !inCluster) {
    return {
      status: "not_configured",
      message:
        "Kubernetes is not configured: set kubernetes.kubeconfig in the console config or KUBECONFIG, or run the console in a cluster.",
    };
  }
  const mtime = kubeconfigPath && existsSync(kubeconfigPath) ? statSync(kubeconfigPath).mtimeMs : 0;
  const key = JSON.stringify([kubeconfigPath ?? "in-cluster", mtime, settings]);
  if (cached?.key === key) return cached.state;
  const state = load(kubeconfigPath, settings);
  cached = { key, state };
  return state;
}

function withDefaults(section: KubernetesConfig | undefined): K8sSettings {
  const parsed = kubernetesConfigSchema.parse(section ?? {});
  return { ...parsed, serverNamespace: parsed.serverNamespace ?? parsed.namespace };
}

function load(kubeconfigPath: string | undefined, settings: K8sSettings): K8sConfigState {
  const kubeConfig = new KubeConfig();
  try {
    if (!kubeconfigPath) {
      kubeConfig.loadFromCluster();
    } else {
      if (!existsSync(kubeconfigPath))
        return { status: "invalid", message: `The kubeconfig ${kubeconfigPath} does not exist.` };
      kubeConfig.loadFromFile(kubeconfigPath);
      if (settings.context) {
        if (!kubeConfig.getContextObject(settings.context)) {
          return {
            status: "invalid",
            message: `The kubeconfig ${kubeconfigPath} has no context '${settings.context}'.`,
          };
        }
        kubeConfig.setCurrentContext(settings.context);
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: "invalid", message: `Cannot read the Kubernetes configuration: ${reason}` };
  }
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster?.server) {
    return {
      status: "invalid",
      message: `The kubeconfig ${kubeconfigPath ?? "(in-cluster)"} names no cluster server for context '${kubeConfig.getCurrentContext()}'.`,
    };
  }
  const source: K8sSource = kubeconfigPath
    ? { kind: "kubeconfig", path: kubeconfigPath, context: kubeConfig.getCurrentContext() }
    : { kind: "in-cluster" };
  return { status: "ok", kubeConfig, settings, source, cluster: { name: cluster.name, server: cluster.server } };
}
