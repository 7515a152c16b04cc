// Provides etcd and kube-apiserver: reuses the cache, else builds them with `go build`
// through the wrapper modules scripts/k8s/etcd-build and scripts/k8s/kube-build.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import { run } from "../stack/exec.ts";
import { goBuild } from "../stack/go-build.ts";
import { say, StackError } from "../stack/log.ts";
import type { K8sPaths } from "./paths.ts";
import { ETCD_VERSION, KUBE_VERSION } from "./paths.ts";

interface BuildStep {
  label: string;
  binary: string;
  moduleDir: string;
  pkg: string;
  ldflags: string;
  /** Text the binary's version output must contain. */
  expect: string;
  versionArgs: string[];
}

const versionPkg = "k8s.io/component-base/version";

function steps(kp: K8sPaths): BuildStep[] {
  return [
    {
      label: `etcd v${ETCD_VERSION}`,
      binary: kp.etcdBin,
      moduleDir: path.join(import.meta.dirname, "etcd-build"),
      pkg: "go.etcd.io/etcd/server/v3",
      ldflags: "-s -w",
      expect: `etcd Version: ${ETCD_VERSION}`,
      versionArgs: ["--version"],
    },
    {
      label: `kube-apiserver v${KUBE_VERSION}`,
      binary: kp.apiserverBin,
      moduleDir: path.join(import.meta.dirname, "kube-build"),
      pkg: "k8s.io/kubernetes/cmd/kube-apiserver",
      ldflags: [
        "-s -w",
        `-X ${versionPkg}.gitVersion=v${KUBE_VERSION}`,
        `-X ${versionPkg}.gitMajor=${KUBE_VERSION.split(".")[0]}`,
        `-X ${versionPkg}.gitMinor=${KUBE_VERSION.split(".")[1]}`,
        `-X ${versionPkg}.gitTreeState=clean`,
      ].join(" "),
      expect: `Kubernetes v${KUBE_VERSION}`,
      versionArgs: ["--version"],
    },
  ];
}

/** Makes sure etcd and kube-apiserver exist in the cache, building what is missing. */
export async function ensureK8sBinaries(kp: K8sPaths): Promise<void> {
  for (const step of steps(kp)) {
    if (existsSync(step.binary)) {
      const version = await versionOf(step);
      if (version.includes(step.expect)) {
        say(`using cached ${step.label} (${step.binary})`);
        continue;
      }
      say(`cached ${step.binary} reports "${version.split("\n")[0]}", expected "${step.expect}"; rebuilding`);
    }
    await build(step);
    const version = await versionOf(step);
    if (!version.includes(step.expect)) {
      throw new StackError(
        `build step "${step.label}": the fresh binary reports "${version.split("\n")[0]}", expected "${step.expect}"`,
      );
    }
  }
}

async function versionOf(step: BuildStep): Promise<string> {
  const out = await run(step.binary, step.versionArgs).catch(() => null);
  return out ? (out.stdout + out.stderr).trim() : "";
}

async function build(step: BuildStep): Promise<void> {
  mkdirSync(path.dirname(step.binary), { recursive: true });
  const args = ["build", "-trimpath", "-ldflags", step.ldflags, "-o", step.binary, step.pkg];
  say(
    `building ${step.label} into ${path.dirname(step.binary)} (first time only; kube-apiserver takes 15-30 minutes on 2 cores)`,
  );
  await goBuild({ label: step.label, args, cwd: step.moduleDir });
}
