// Where the alert tests' Alertmanager binary lives: <cache dir>/bin/alertmanager-v<version>/alertmanager.
import path from "node:path";

import { getStackPaths } from "../stack/paths.ts";

export const ALERTMANAGER_VERSION = "0.35.0";

/** The Alertmanager binary in the cache (`SPIRE_CONSOLE_CACHE_DIR`, default .cache). */
export function alertmanagerBinary(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(getStackPaths(env).cacheDir, "bin", `alertmanager-v${ALERTMANAGER_VERSION}`, "alertmanager");
}

/** Where the module's source is copied to be built (the UI placeholder added), under the cache. */
export function alertmanagerSourceDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(getStackPaths(env).cacheDir, "build", `alertmanager-v${ALERTMANAGER_VERSION}-src`);
}
