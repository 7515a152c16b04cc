// Provides Prometheus: reuses the cached binary when it reports the pinned version, else builds it once with
// `go build` through the wrapper module scripts/prometheus/prometheus-build (as helm and oauth2-proxy are built).
// The `remove_all_sd` tag leaves out every cloud service discovery (static and file discovery stay), which keeps
// the build about a third of the full one; the web UI's assets are not embedded (the console only uses the API).
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import { run } from "../stack/exec.ts";
import { goBuild } from "../stack/go-build.ts";
import { say, StackError } from "../stack/log.ts";
import { PROMETHEUS_MODULE_VERSION, PROMETHEUS_VERSION, prometheusBinary } from "./paths.ts";

const moduleDir = path.join(import.meta.dirname, "prometheus-build");
const pkg = "github.com/prometheus/prometheus/cmd/prometheus";

async function versionOf(binary: string): Promise<string> {
  const out = await run(binary, ["--version"]).catch(() => null);
  return out ? (out.stdout.trim().split("\n")[0] ?? "") : "";
}

/** Returns the path of a Prometheus binary that reports PROMETHEUS_VERSION, building it first when needed. */
export async function ensurePrometheus(binary = prometheusBinary()): Promise<string> {
  const expected = `prometheus, version ${PROMETHEUS_VERSION} `;
  if (existsSync(binary)) {
    const version = await versionOf(binary);
    if (version.startsWith(expected)) return binary;
    say(`cached ${binary} reports "${version}", expected ${PROMETHEUS_VERSION}; rebuilding`);
  }
  mkdirSync(path.dirname(binary), { recursive: true });
  const label = `prometheus v${PROMETHEUS_MODULE_VERSION}`;
  say(`building ${label} into ${path.dirname(binary)} (first time only)`);
  const ldflags = `-s -w -X github.com/prometheus/common/version.Version=${PROMETHEUS_VERSION}`;
  const args = ["build", "-trimpath", "-tags", "remove_all_sd", "-ldflags", ldflags, "-o", binary, pkg];
  await goBuild({ label, args, cwd: moduleDir, env: { ...process.env, CGO_ENABLED: "0" } });
  const version = await versionOf(binary);
  if (!version.startsWith(expected)) {
    throw new StackError(`the fresh ${binary} reports "${version}", expected ${PROMETHEUS_VERSION}`);
  }
  return binary;
}
