// Where the local Kubernetes control plane (etcd + kube-apiserver) keeps its files:
// everything under <stack dir>/k8s/, binaries under <cache dir>/bin/{etcd,kube}-v<version>/.
import path from "node:path";

import type { StackPaths } from "../stack/paths.ts";

export const KUBE_VERSION = "1.35.4";
export const ETCD_VERSION = "3.6.16";

/** The cluster name SPIRE's k8s_psat attestor uses for this API server. */
export const CLUSTER_NAME = "demo";
/** The second cluster (scripts/k8s/world-edge.ts): its own etcd and API server, agents of foo. */
export const EDGE_CLUSTER = "edge";
/** Every local cluster, in start order. */
export const K8S_CLUSTERS = [CLUSTER_NAME, EDGE_CLUSTER] as const;

export interface K8sPaths {
  dir: string;
  etcdBin: string;
  apiserverBin: string;
  portsPath: string;
  etcdDataDir: string;
  etcdLogPath: string;
  etcdPidPath: string;
  certDir: string;
  /** CA of the self-signed serving certificate kube-apiserver writes into certDir. */
  servingCertPath: string;
  tokenFilePath: string;
  tokensPath: string;
  saKeyPath: string;
  saPubPath: string;
  apiserverLogPath: string;
  apiserverPidPath: string;
  /** Admin kubeconfig (system:masters), used by the seeding and by humans. */
  adminKubeconfig: string;
  /** Read-only kubeconfig for the console (RBAC role spire-console-reader). */
  consoleKubeconfig: string;
  /** kubeconfig for spire-server's k8s_psat attestor (TokenReview, get pods and nodes). */
  spireServerKubeconfig: string;
  tokensDir: string;
  seedMarkerPath: string;
}

/** Resolves the Kubernetes paths of one cluster (<stack>/k8s for demo, <stack>/k8s-<name> for others). */
export function getK8sPaths(paths: StackPaths, cluster: string = CLUSTER_NAME): K8sPaths {
  const dir = path.join(paths.stackDir, cluster === CLUSTER_NAME ? "k8s" : `k8s-${cluster}`);
  const certDir = path.join(dir, "pki");
  return {
    dir,
    etcdBin: path.join(paths.cacheDir, "bin", `etcd-v${ETCD_VERSION}`, "etcd"),
    apiserverBin: path.join(paths.cacheDir, "bin", `kube-v${KUBE_VERSION}`, "kube-apiserver"),
    portsPath: path.join(dir, "ports.json"),
    etcdDataDir: path.join(dir, "etcd-data"),
    etcdLogPath: path.join(dir, "etcd.log"),
    etcdPidPath: path.join(dir, "etcd.pid"),
    certDir,
    servingCertPath: path.join(certDir, "apiserver.crt"),
    tokenFilePath: path.join(certDir, "tokens.csv"),
    tokensPath: path.join(certDir, "tokens.json"),
    saKeyPath: path.join(certDir, "sa.key"),
    saPubPath: path.join(certDir, "sa.pub"),
    apiserverLogPath: path.join(dir, "kube-apiserver.log"),
    apiserverPidPath: path.join(dir, "kube-apiserver.pid"),
    adminKubeconfig: path.join(dir, "kubeconfig"),
    consoleKubeconfig: path.join(dir, "console.kubeconfig"),
    spireServerKubeconfig: path.join(dir, "spire-server.kubeconfig"),
    tokensDir: path.join(dir, "agent-tokens"),
    seedMarkerPath: path.join(dir, "seeded.json"),
  };
}

/** Where a k8s_psat agent's service-account token lives (the agent's `token_path`). */
export function psatTokenPath(agentDir: string): string {
  return path.join(agentDir, "psat-token");
}
