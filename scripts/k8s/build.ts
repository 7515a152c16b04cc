// Provides etcd and kube-apiserver: reuses the cache, else builds them with `go build`
// through the wrapper modules scripts/k8s/etcd-build and scripts/k8s/kube-build.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import { run } from "../stack/exec.ts";
import { say, StackError, stopwatch } from "../stack/log.ts";
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
  if ((await run("go", ["version"]).catch(() => null))?.code !== 0) {
    throw new StackError(`build step "${step.label}": Go is not on PATH; install Go >= 1.26 and rerun.`);
  }
  mkdirSync(path.dirname(step.binary), { recursive: true });
  const args = ["build", "-trimpath", "-ldflags", step.ldflags, "-o", step.binary, step.pkg];
  say(
    `building ${step.label} into ${path.dirname(step.binary)} (first time only; kube-apiserver takes 15-30 minutes on 2 cores)`,
  );
  const elapsed = stopwatch();
  const child = spawn("go", args, { cwd: step.moduleDir, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const ticker = setInterval(() => say(`  still building ${step.label} ... ${elapsed()}`), 30_000);
  const code = await new Promise<number>((resolve) => {
    child.on("error", () => resolve(1));
    child.on("close", (c) => resolve(c ?? 1));
  }).finally(() => clearInterval(ticker));
  if (code !== 0) {
    const tail = output.trimEnd().split("\n").slice(-25).join("\n");
    throw new StackError(
      `build step "${step.label}": go build ${step.pkg} in ${step.moduleDir} failed after ${elapsed()} (exit ${code})`,
      tail,
    );
  }
  say(`built ${step.label} in ${elapsed()}`);
}
