// Where the trusted-proxy tests' oauth2-proxy binary lives: <cache dir>/bin/oauth2-proxy-v<version>/oauth2-proxy.
import path from "node:path";

import { getStackPaths } from "../stack/paths.ts";

export const OAUTH2_PROXY_VERSION = "7.15.6";

/** The oauth2-proxy binary in the cache (`SPIRE_CONSOLE_CACHE_DIR`, default .cache). */
export function oauth2ProxyBinary(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(getStackPaths(env).cacheDir, "bin", `oauth2-proxy-v${OAUTH2_PROXY_VERSION}`, "oauth2-proxy");
}
