// Builders of plain Kubernetes objects for the k8s-* unit tests.
import type { K8sDaemonSet, K8sPod, K8sPodTemplate } from "@/lib/k8s/types";

export const template = (over: Partial<K8sPodTemplate> = {}): K8sPodTemplate => ({
  serviceAccount: "spire-agent",
  hostNetwork: false,
  hostPID: false,
  hostIPC: false,
  privilegedContainers: [],
  hostPaths: [],
  csiDrivers: [],
  ...over,
});

export const daemonSet = (
  name: string,
  over: Partial<K8sDaemonSet["status"]> = {},
  tpl: K8sPodTemplate = template(),
  namespace = "spire",
): K8sDaemonSet => ({
  namespace,
  name,
  generation: 1,
  selector: { "app.kubernetes.io/name": name },
  template: tpl,
  status: {
    desired: 3,
    current: 3,
    ready: 3,
    available: 3,
    updated: 3,
    misscheduled: 0,
    unavailable: 0,
    observedGeneration: 1,
    ...over,
  },
});

export const pod = (name: string, node: string, app: string, over: Partial<K8sPod> = {}): K8sPod => ({
  namespace: "spire",
  name,
  uid: `uid-${name}`,
  nodeName: node,
  phase: "Running",
  labels: { "app.kubernetes.io/name": app },
  ready: true,
  restarts: 0,
  containers: [
    { name: app, ready: true, restartCount: 0, state: "running", reason: null, message: null, lastTermination: null },
  ],
  owner: { kind: "DaemonSet", name: app },
  template: template(),
  createdAt: null,
  ...over,
});

export const crashLooping = (name: string, node: string, restarts: number): K8sPod =>
  pod(name, node, "spiffe-csi-driver", {
    ready: false,
    restarts,
    containers: [
      {
        name: "spiffe-csi-driver",
        ready: false,
        restartCount: restarts,
        state: "waiting",
        reason: "CrashLoopBackOff",
        message: "back-off 5m0s",
        lastTermination: { reason: "Error", exitCode: 1, message: "bind: address already in use" },
      },
      {
        name: "node-driver-registrar",
        ready: true,
        restartCount: 0,
        state: "running",
        reason: null,
        message: null,
        lastTermination: null,
      },
    ],
  });
