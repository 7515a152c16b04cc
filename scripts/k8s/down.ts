// Stops kube-apiserver, then etcd (exactly the processes in our pid files). Data is kept.
import { existsSync, readFileSync } from "node:fs";

import type { StackPaths } from "../stack/paths.ts";
import { stopTracked, trackedPid } from "../stack/process.ts";
import { apiserverProcess, etcdProcess } from "./control-plane.ts";
import { getK8sPaths } from "./paths.ts";
import type { K8sPorts } from "./ports.ts";
import type { K8sProcess } from "./process.ts";

/** The control-plane processes, in stop order. */
export function k8sProcesses(paths: StackPaths): K8sProcess[] {
  const kp = getK8sPaths(paths);
  return [apiserverProcess(kp), etcdProcess(kp)];
}

/** Stops the control plane; returns the label and pid of each process stopped. */
export async function stopKubernetes(paths: StackPaths): Promise<{ label: string; pid: number }[]> {
  const stopped: { label: string; pid: number }[] = [];
  for (const proc of k8sProcesses(paths)) {
    const pid = await stopTracked(proc);
    if (pid !== null) stopped.push({ label: proc.label, pid });
  }
  return stopped;
}

/** Pid (or null) and URL of each control-plane process. */
export function kubernetesStatus(paths: StackPaths): { label: string; pid: number | null; endpoint: string }[] {
  const kp = getK8sPaths(paths);
  const ports = existsSync(kp.portsPath) ? (JSON.parse(readFileSync(kp.portsPath, "utf8")) as K8sPorts) : null;
  const endpoints: Record<string, string> = ports
    ? { "kube-apiserver": `https://127.0.0.1:${ports.apiserver}`, etcd: `http://127.0.0.1:${ports.etcdClient}` }
    : {};
  return k8sProcesses(paths).map((proc) => ({
    label: proc.label,
    pid: trackedPid(proc),
    endpoint: endpoints[proc.label] ?? "-",
  }));
}
