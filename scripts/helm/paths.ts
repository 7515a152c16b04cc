// Where the chart tests' helm binary lives: <cache dir>/bin/helm-v<version>/helm.
import path from "node:path";

import { getStackPaths } from "../stack/paths.ts";

export const HELM_VERSION = "3.22.0";
/** The Kubernetes minor version helm assumes offline (`helm template`, `helm lint`): its client-go's. */
export const HELM_KUBE_MINOR = "37";

/** The helm binary in the cache (`SPIRE_CONSOLE_CACHE_DIR`, default .cache). */
export function helmBinary(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(getStackPaths(env).cacheDir, "bin", `helm-v${HELM_VERSION}`, "helm");
}
