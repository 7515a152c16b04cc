// Writes kubeconfig files (JSON, which every kubeconfig reader accepts as YAML) for the
// local API server, with its serving CA embedded so the file stands alone.
import { readFileSync, writeFileSync } from "node:fs";

import { CLUSTER_NAME as DEMO_CLUSTER } from "./paths.ts";

export interface KubeconfigInput {
  server: string;
  caPath: string;
  user: string;
  token: string;
  namespace?: string;
  /** Cluster and context name; default "demo". */
  cluster?: string;
}

/** Writes one kubeconfig with a single context named after the cluster ("demo"). */
export function writeKubeconfig(file: string, input: KubeconfigInput): void {
  const CLUSTER_NAME = input.cluster ?? DEMO_CLUSTER;
  const caData = Buffer.from(readFileSync(input.caPath)).toString("base64");
  const config = {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: CLUSTER_NAME, cluster: { server: input.server, "certificate-authority-data": caData } }],
    users: [{ name: input.user, user: { token: input.token } }],
    contexts: [
      {
        name: CLUSTER_NAME,
        context: {
          cluster: CLUSTER_NAME,
          user: input.user,
          ...(input.namespace ? { namespace: input.namespace } : {}),
        },
      },
    ],
    "current-context": CLUSTER_NAME,
  };
  writeFileSync(file, JSON.stringify(config, null, 2) + "\n", { mode: 0o600 });
}

/** The server, CA and token of a kubeconfig written by `writeKubeconfig` (for scripts and tests). */
export function readKubeconfigTarget(file: string): { server: string; ca: Buffer; token: string } {
  const config = JSON.parse(readFileSync(file, "utf8")) as {
    clusters: { cluster: { server: string; "certificate-authority-data": string } }[];
    users: { user: { token: string } }[];
  };
  const cluster = config.clusters[0]!.cluster;
  return {
    server: cluster.server,
    ca: Buffer.from(cluster["certificate-authority-data"], "base64"),
    token: config.users[0]!.user.token,
  };
}
