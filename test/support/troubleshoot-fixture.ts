// Troubleshooter unit-test fixtures: one trust domain, two k8s_psat agents, a workload's selectors and a pod.
import type { WorkloadPod } from "../../lib/k8s/types";
import type { Agent, Bundle, Entry, Selector } from "../../lib/spire/types";
import type { CsiState } from "../../lib/troubleshoot/check-delivery";
import type { DiagnoseInput } from "../../lib/troubleshoot/diagnose-workload";
import { parseSelector } from "../../lib/troubleshoot/match-entries";
import { entryWith } from "./entry-fixture";
import { everyEntry } from "./every-entry";

export const TD = "td.example";
export const SERVER = `spiffe://${TD}/spire/server`;
export const NOW = Date.parse("2026-06-01T00:00:00Z");
export const sel = (...texts: string[]): Selector[] => texts.map((t) => parseSelector(t)!);
export const agentId = (uid: string) => `spiffe://${TD}/spire/agent/k8s_psat/demo/${uid}`;
export const agent = (uid: string, extra: Partial<Agent> = {}): Agent => ({
  spiffeId: agentId(uid),
  attestationType: "k8s_psat",
  x509SvidSerialNumber: "1",
  x509SvidExpiresAt: "2026-06-02T00:00:00Z",
  selectors: sel("k8s_psat:cluster:demo", `k8s_psat:agent_node_uid:${uid}`, `k8s_psat:agent_node_name:node-${uid}`),
  banned: false,
  canReattest: true,
  agentVersion: "1.15.3",
  ...extra,
});
let nextId = 0;
export const entry = (spiffePath: string, parentId: string, selectors: string[], extra: Partial<Entry> = {}): Entry =>
  entryWith({
    id: `e${++nextId}`,
    spiffeId: `spiffe://${TD}${spiffePath}`,
    parentId,
    selectors: sel(...selectors),
    ...extra,
  });

export const A1 = agent("uid-1");
export const A2 = agent("uid-2");
export const workload = sel(
  "k8s:ns:shop",
  "k8s:sa:orders",
  "k8s:pod-label:app:orders",
  "k8s:node-name:node-uid-1",
  "k8s:container-name:orders",
);
export const aliasAll = entry("/cluster/demo", SERVER, ["k8s_psat:cluster:demo"]);
export const aliasNode2 = entry("/cluster/node-2", SERVER, ["k8s_psat:agent_node_name:node-uid-2"]);

/** What a diagnosis scenario varies; everything else is the fixture's node uid-1 in cluster demo. */
export type Scenario = {
  entries: Entry[];
  agents?: Agent[];
  agentUid?: string | null;
  selectors?: Selector[];
  bundles?: Bundle[];
};

/** The troubleshooter's input for `c`: agents A1 and A2 by default, the workload's selectors, no delivery facts. */
export function diagnoseInput(c: Scenario): DiagnoseInput {
  const agents = c.agents ?? [A1, A2];
  return {
    server: "foo",
    trustDomain: TD,
    selectors: c.selectors ?? workload,
    agentRef: {
      nodeName: "node-uid-1",
      nodeUid: c.agentUid === null ? "uid-none" : (c.agentUid ?? "uid-1"),
      cluster: "demo",
    },
    agents,
    entries: everyEntry(c.entries),
    federatedBundles: c.bundles ?? [],
    activeCa: { notBefore: "2026-05-31T00:00:00Z", notAfter: "2026-06-07T00:00:00Z" },
    nodeUids: new Set(["uid-1", "uid-2", "uid-none"]),
    delivery: null,
    suggestion: { spiffeId: `spiffe://${TD}/ns/shop/sa/orders`, selectors: sel("k8s:ns:shop", "k8s:sa:orders") },
    now: NOW,
  };
}

export const pod: WorkloadPod = {
  namespace: "shop",
  name: "orders-1",
  uid: "p-1",
  nodeName: "n1",
  serviceAccount: "orders",
  phase: "Running",
  labels: { app: "orders" },
  owners: [{ kind: "ReplicaSet", name: "orders-5d", uid: "rs-1" }],
  containers: [
    {
      name: "orders",
      init: false,
      specImage: "reg/orders:1",
      status: { image: "reg/orders:1", imageID: "reg/orders@sha256:aa", running: true },
      env: { SPIFFE_ENDPOINT_SOCKET: "unix:///spiffe/agent.sock" },
      mounts: [{ volume: "spiffe", mountPath: "/spiffe" }],
    },
    { name: "envoy", init: false, specImage: "envoy:1", status: null, env: {}, mounts: [] },
  ],
  volumes: [{ name: "spiffe", csiDriver: "csi.spiffe.io", hostPath: null }],
};
export const csi: CsiState = {
  driverName: "csi.spiffe.io",
  driverHealthy: true,
  driverInstalled: true,
  registeredOnNode: true,
  podHealthy: true,
  agentSocketDir: "/run/spire/agent-sockets",
};
