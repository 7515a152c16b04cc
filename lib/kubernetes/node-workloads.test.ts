import { describe, expect, it } from "vitest";

import type { WorkloadPod, WorkloadVolume } from "@/lib/k8s/types";

import { podsUsingWorkloadApi } from "./node-workloads";

const pod = (namespace: string, name: string, volumes: WorkloadVolume[], extra: Partial<WorkloadPod> = {}) => ({
  namespace,
  name,
  uid: `uid-${name}`,
  nodeName: "demo-node-1",
  serviceAccount: "default",
  phase: "Running",
  labels: {},
  owners: [],
  containers: [
    {
      name: "app",
      init: false,
      specImage: "app:1",
      status: null,
      env: {},
      mounts: volumes.filter((v) => v.name !== "unmounted").map((v) => ({ volume: v.name, mountPath: "/spiffe" })),
    },
  ],
  volumes,
  ...extra,
});

const how = {
  driverName: "csi.spiffe.io",
  agentSocketDir: "/run/spire/agent-sockets",
  spireDaemonSets: ["spire-agent"],
};

describe("podsUsingWorkloadApi", () => {
  it("lists the pods that mount the CSI volume or the agent's socket directory, sorted, without SPIRE's own", () => {
    const pods = [
      pod("web", "web-frontend", [{ name: "spiffe", csiDriver: "csi.spiffe.io", hostPath: null }]),
      pod("payments", "payments-api", [{ name: "sock", csiDriver: null, hostPath: "/run/spire/agent-sockets/" }]),
      pod("web", "web-legacy", [{ name: "data", csiDriver: null, hostPath: "/var/data" }]),
      // Declares the CSI volume but no container mounts it: it does not reach the agent.
      pod("web", "web-idle", [{ name: "unmounted", csiDriver: "csi.spiffe.io", hostPath: null }]),
      pod("spire", "spire-agent-4kq9z", [{ name: "sock", csiDriver: null, hostPath: "/run/spire/agent-sockets" }], {
        owners: [{ kind: "DaemonSet", name: "spire-agent", uid: "ds" }],
      }),
    ];
    expect(podsUsingWorkloadApi(pods, how)).toEqual([
      { namespace: "payments", name: "payments-api", phase: "Running", serviceAccount: "default", via: "hostPath" },
      { namespace: "web", name: "web-frontend", phase: "Running", serviceAccount: "default", via: "csi" },
    ]);
  });

  it("counts no hostPath when the agent's socket directory is unknown", () => {
    const pods = [pod("payments", "api", [{ name: "sock", csiDriver: null, hostPath: "/run/spire/agent-sockets" }])];
    expect(podsUsingWorkloadApi(pods, { ...how, agentSocketDir: null })).toEqual([]);
  });
});
