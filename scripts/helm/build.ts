// Provides helm: reuses the cached binary when it reports the pinned version, else builds it with
// `go build` through the wrapper module scripts/helm/helm-build (like SPIRE, etcd, kube-apiserver).
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import { run } from "../stack/exec.ts";
import { goBuild } from "../stack/go-build.ts";
import { say, StackError } from "../stack/log.ts";
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
  mkdirSync(path.dirname(binary), { recursive: true });
  say(`building helm v${HELM_VERSION} into ${path.dirname(binary)} (first time only, a few minutes on 2 cores)`);
  const args = ["build", "-trimpath", "-ldflags", ldflags(), "-o", binary, pkg];
  await goBuild({ label: `helm v${HELM_VERSION}`, args, cwd: moduleDir });
}
