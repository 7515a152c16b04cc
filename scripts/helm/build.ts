// Provides helm: reuses the cached binary when it reports the pinned version, else builds it with
// `go build` through the wrapper module scripts/helm/helm-build (like SPIRE, etcd, kube-apiserver).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import { run } from "../stack/exec.ts";
import { say, StackError, stopwatch } from "../stack/log.ts";
import { HELM_KUBE_MINOR, HELM_VERSION, helmBinary } from "./paths.ts";

const moduleDir = path.join(import.meta.dirname, "helm-build");
const pkg = "helm.sh/helm/v3/cmd/helm";

/** Link-time settings as helm's own Makefile sets them: its version and the Kubernetes version it assumes offline. */
function ldflags(): string {
  const kube = (p: string) => [`-X ${p}.k8sVersionMajor=1`, `-X ${p}.k8sVersionMinor=${HELM_KUBE_MINOR}`];
  return [
    "-s -w",
    `-X helm.sh/helm/v3/internal/version.version=v${HELM_VERSION}`,
    ...kube("helm.sh/helm/v3/pkg/chartutil"),
    ...kube("helm.sh/helm/v3/pkg/lint/rules"),
  ].join(" ");
}

async function versionOf(binary: string): Promise<string> {
  const out = await run(binary, ["version", "--short"]).catch(() => null);
  return out ? out.stdout.trim() : "";
}

/** Returns the path of a helm binary that reports v<HELM_VERSION>, building it first when needed. */
export async function ensureHelm(binary = helmBinary()): Promise<string> {
  const expected = `v${HELM_VERSION}`;
  if (existsSync(binary)) {
    const version = await versionOf(binary);
    if (version === expected) return binary;
    say(`cached ${binary} reports "${version}", expected ${expected}; rebuilding`);
  }
  await build(binary);
  const version = await versionOf(binary);
  if (version !== expected) throw new StackError(`the fresh ${binary} reports "${version}", expected ${expected}`);
  return binary;
}

async function build(binary: string): Promise<void> {
  if ((await run("go", ["version"]).catch(() => null))?.code !== 0) {
    throw new StackError("building helm: Go is not on PATH; install Go >= 1.26 and rerun.");
  }
  mkdirSync(path.dirname(binary), { recursive: true });
  say(`building helm v${HELM_VERSION} into ${path.dirname(binary)} (first time only, a few minutes on 2 cores)`);
  const elapsed = stopwatch();
  const args = ["build", "-trimpath", "-ldflags", ldflags(), "-o", binary, pkg];
  const child = spawn("go", args, { cwd: moduleDir, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const ticker = setInterval(() => say(`  still building helm ... ${elapsed()}`), 30_000);
  const code = await new Promise<number>((resolve) => {
    child.on("error", () => resolve(1));
    child.on("close", (c) => resolve(c ?? 1));
  }).finally(() => clearInterval(ticker));
  if (code !== 0) {
    const tail = output.trimEnd().split("\n").slice(-25).join("\n");
    throw new StackError(`go build ${pkg} in ${moduleDir} failed after ${elapsed()} (exit ${code})`, tail);
  }
  say(`built helm v${HELM_VERSION} in ${elapsed()}`);
}
