// Where the metrics tests' Prometheus binary lives: <cache dir>/bin/prometheus-v<module version>/prometheus.
import path from "node:path";

import { getStackPaths } from "../stack/paths.ts";

/** The Go module version of github.com/prometheus/prometheus pinned in prometheus-build/go.mod. */
export const PROMETHEUS_MODULE_VERSION = "0.316.0";
/** The Prometheus release that module version is (its VERSION file), stamped into the binary. */
export const PROMETHEUS_VERSION = "3.16.0";

/** The Prometheus binary in the cache (`SPIRE_CONSOLE_CACHE_DIR`, default .cache). */
export function prometheusBinary(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(getStackPaths(env).cacheDir, "bin", `prometheus-v${PROMETHEUS_MODULE_VERSION}`, "prometheus");
}
