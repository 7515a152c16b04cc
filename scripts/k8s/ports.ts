// Loopback ports of etcd and kube-apiserver: chosen free on the first `up`, then kept in
// <stack>/k8s/ports.json so the kubeconfig and SPIRE's server config stay valid.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

import { freePortPicker } from "../stack/ports.ts";

export interface K8sPorts {
  etcdClient: number;
  etcdPeer: number;
  apiserver: number;
}

/** Loads the remembered ports or picks (and saves) three distinct free ones. */
export async function loadOrChooseK8sPorts(file: string): Promise<K8sPorts> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as K8sPorts;
  const pick = freePortPicker();
  const ports: K8sPorts = { etcdClient: await pick(), etcdPeer: await pick(), apiserver: await pick() };
  writeFileSync(file, JSON.stringify(ports, null, 2) + "\n");
  return ports;
}
