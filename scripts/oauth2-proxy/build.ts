// Provides oauth2-proxy: reuses the cached binary when it reports the pinned version, else builds it once with
// `go build` through the wrapper module scripts/oauth2-proxy/oauth2-proxy-build (as helm is built).
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import { run } from "../stack/exec.ts";
import { goBuild } from "../stack/go-build.ts";
import { say, StackError } from "../stack/log.ts";
import { OAUTH2_PROXY_VERSION, oauth2ProxyBinary } from "./paths.ts";

const moduleDir = path.join(import.meta.dirname, "oauth2-proxy-build");
const pkg = "github.com/oauth2-proxy/oauth2-proxy/v7";

async function versionOf(binary: string): Promise<string> {
  const out = await run(binary, ["--version"]).catch(() => null);
  return out ? out.stdout.trim() : "";
}

/** Returns the path of an oauth2-proxy binary that reports v<OAUTH2_PROXY_VERSION>, building it first when needed. */
export async function ensureOauth2Proxy(binary = oauth2ProxyBinary()): Promise<string> {
  const expected = `oauth2-proxy v${OAUTH2_PROXY_VERSION} `;
  if (existsSync(binary)) {
    const version = await versionOf(binary);
    if (version.startsWith(expected)) return binary;
    say(`cached ${binary} reports "${version}", expected v${OAUTH2_PROXY_VERSION}; rebuilding`);
  }
  mkdirSync(path.dirname(binary), { recursive: true });
  say(`building oauth2-proxy v${OAUTH2_PROXY_VERSION} into ${path.dirname(binary)} (first time only)`);
  const ldflags = `-s -w -X ${pkg}/pkg/version.VERSION=v${OAUTH2_PROXY_VERSION}`;
  const args = ["build", "-trimpath", "-ldflags", ldflags, "-o", binary, pkg];
  await goBuild({
    label: `oauth2-proxy v${OAUTH2_PROXY_VERSION}`,
    args,
    cwd: moduleDir,
    env: { ...process.env, CGO_ENABLED: "0" },
  });
  const version = await versionOf(binary);
  if (!version.startsWith(expected)) {
    throw new StackError(`the fresh ${binary} reports "${version}", expected v${OAUTH2_PROXY_VERSION}`);
  }
  return binary;
}
