// Pods of the seeded world with the statuses a kubelet would report: running, crash-looping
// (CrashLoopBackOff with restarts), or stuck in ContainerCreating.
import type { SeedObject } from "./seed-types.ts";

export type ContainerRun = "running" | "crashloop" | "creating";

export interface PodInput {
  namespace: string;
  name: string;
  nodeName: string;
  hostIP: string;
  podIP: string;
  labels: Record<string, string>;
  spec: Record<string, unknown>;
  owner?: { apiVersion: string; kind: string; name: string; uid: string };
  /** Per container (by name): how it runs and how often it restarted. */
  containers: Record<string, { run: ContainerRun; restarts: number }>;
  startedSecondsAgo: number;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d+Z$/, "Z");

/** The pod manifest plus the status its kubelet would have written. */
export function pod(input: PodInput, now: Date): SeedObject {
  const started = new Date(now.getTime() - input.startedSecondsAgo * 1000);
  const specContainers = (input.spec.containers as { name: string; image: string }[]) ?? [];
  const statuses = specContainers.map((c) =>
    containerStatus(c.name, c.image, input.containers[c.name] ?? { run: "running", restarts: 0 }, started, now, input),
  );
  const allCreating = statuses.every((s) => s.state.waiting?.reason === "ContainerCreating");
  const ready = statuses.every((s) => s.ready);
  const condition = (type: string, ok: boolean, reason?: string) => ({
    type,
    status: ok ? "True" : "False",
    lastTransitionTime: iso(ok ? started : new Date(now.getTime() - 60_000)),
    ...(reason && !ok ? { reason } : {}),
  });
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: input.name,
      namespace: input.namespace,
      labels: input.labels,
      ...(input.owner ? { ownerReferences: [{ ...input.owner, controller: true, blockOwnerDeletion: true }] } : {}),
    },
    spec: { ...input.spec, nodeName: input.nodeName },
    status: {
      phase: allCreating ? "Pending" : "Running",
      conditions: [
        condition("PodReadyToStartContainers", !allCreating),
        condition("Initialized", true),
        condition("Ready", ready, "ContainersNotReady"),
        condition("ContainersReady", ready, "ContainersNotReady"),
        condition("PodScheduled", true),
      ],
      hostIP: input.hostIP,
      hostIPs: [{ ip: input.hostIP }],
      ...(allCreating ? {} : { podIP: input.podIP, podIPs: [{ ip: input.podIP }] }),
      startTime: iso(started),
      containerStatuses: statuses,
    },
  };
}

function containerStatus(
  name: string,
  image: string,
  how: { run: ContainerRun; restarts: number },
  started: Date,
  now: Date,
  input: PodInput,
) {
  const base = { name, image, imageID: "", restartCount: how.restarts };
  if (how.run === "creating") {
    return {
      ...base,
      ready: false,
      started: false,
      state: { waiting: { reason: "ContainerCreating" } },
    } as ContainerStatus;
  }
  if (how.run === "crashloop") {
    const lastExit = new Date(now.getTime() - 90_000);
    return {
      ...base,
      imageID: `${image}@sha256:${"0".repeat(64)}`,
      containerID: `containerd://${"c".repeat(64)}`,
      ready: false,
      started: false,
      state: {
        waiting: {
          reason: "CrashLoopBackOff",
          message: `back-off 5m0s restarting failed container=${name} pod=${input.name}_${input.namespace}(${input.owner?.uid ?? ""})`,
        },
      },
      lastState: {
        terminated: {
          exitCode: 1,
          reason: "Error",
          message:
            "failed to create CSI driver: unable to listen on /spiffe-csi/csi.sock: bind: address already in use",
          startedAt: iso(new Date(lastExit.getTime() - 2_000)),
          finishedAt: iso(lastExit),
          containerID: `containerd://${"d".repeat(64)}`,
        },
      },
    } as ContainerStatus;
  }
  return {
    ...base,
    imageID: `${image}@sha256:${"0".repeat(64)}`,
    containerID: `containerd://${"e".repeat(64)}`,
    ready: true,
    started: true,
    state: { running: { startedAt: iso(started) } },
  } as ContainerStatus;
}

type ContainerStatus = { ready: boolean; state: { waiting?: { reason: string } } } & Record<string, unknown>;
