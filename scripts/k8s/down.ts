// Stops kube-apiserver, then etcd (exactly the processes in our pid files). Data is kept.
import { existsSync, readFileSync } from "node:fs";

import type { StackPaths } from "../stack/paths.ts";
import { stopTracked, trackedPid } from "../stack/process.ts";
import { apiserverProcess, etcdProcess } from "./control-plane.ts";
import { getK8sPaths, K8S_CLUSTERS } from "./paths.ts";
import type { K8sPorts } from "./ports.ts";
import type { K8sProcess } from "./process.ts";

/** The control-plane processes of every local cluster, in stop order. */
export function k8sProcesses(paths: StackPaths): K8sProcess[] {
  return K8S_CLUSTERS.flatMap((cluster) => clusterProcesses(paths, cluster));
}

function clusterProcesses(paths: StackPaths, cluster: string): K8sProcess[] {
  const kp = getK8sPaths(paths, cluster);
  const tag = cluster === K8S_CLUSTERS[0] ? "" : ` (${cluster})`;
  return [
    { ...apiserverProcess(kp), label: `kube-apiserver${tag}` },
    { ...etcdProcess(kp), label: `etcd${tag}` },
  ];
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
  return K8S_CLUSTERS.flatMap((cluster) => {
    const kp = getK8sPaths(paths, cluster);
    const ports = existsSync(kp.portsPath) ? (JSON.parse(readFileSync(kp.portsPath, "utf8")) as K8sPorts) : null;
    const [apiserver, etcd] = [`https://127.0.0.1:${ports?.apiserver}`, `http://127.0.0.1:${ports?.etcdClient}`];
    return clusterProcesses(paths, cluster).map((proc, index) => ({
      label: proc.label,
      pid: trackedPid(proc),
      endpoint: ports ? [apiserver, etcd][index]! : "-",
    }));
  });
}
