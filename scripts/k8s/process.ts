// etcd and kube-apiserver are tracked processes of the stack (scripts/stack/process.ts). The
// marker is an argument only our process has: etcd's --data-dir, kube-apiserver's --cert-dir.
import type { TrackedProcess } from "../stack/process.ts";

export interface K8sProcess extends TrackedProcess {
  label: string;
}
