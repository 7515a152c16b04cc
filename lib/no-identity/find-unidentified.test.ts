import { describe, expect, it } from "vitest";

import type { WorkloadPod } from "@/lib/k8s/types";
import type { Agent, Entry, Selector } from "@/lib/spire/types";
import { parseSelector } from "@/lib/troubleshoot/match-entries";

import { entryWith } from "../../test/support/entry-fixture";
import { everyEntry } from "../../test/support/every-entry";
import { type ClusterFacts, type DeploymentFacts, findUnidentifiedPods } from "./find-unidentified";

const TD = "foo.example";
const SERVER_ID = `spiffe://${TD}/spire/server`;
const sel = (...texts: string[]): Selector[] => texts.map((t) => parseSelector(t)!);
const agentId = (uid: string) => `spiffe://${TD}/spire/agent/k8s_psat/demo/${uid}`;
const agent = (uid: string): Agent => ({
  spiffeId: agentId(uid),
  attestationType: "k8s_psat",
  x509SvidSerialNumber: "1",
  x509SvidExpiresAt: "2030-01-01T00:00:00Z",
  selectors: sel("k8s_psat:cluster:demo", `k8s_psat:agent_node_uid:${uid}`, `k8s_psat:agent_node_name:${uid}-name`),
  banned: false,
  canReattest: true,
  agentVersion: "1.15.3",
});
let next = 0;
const entry = (path: string, parentId: string, selectors: string[]): Entry =>
  entryWith({ id: `e${++next}`, spiffeId: `spiffe://${TD}${path}`, parentId, selectors: sel(...selectors) });

const csi = { name: "spiffe-workload-api", csiDriver: "csi.spiffe.io", hostPath: null };
const pod = (name: string, extra: Partial<WorkloadPod> = {}): WorkloadPod => ({
  namespace: "shop",
  name,
  uid: `uid-${name}`,
  nodeName: "node-1",
  serviceAccount: name,
  phase: "Running",
  labels: { app: name },
  owners: [],
  containers: [
    {
      name,
      init: false,
      specImage: "img",
      status: null,
      env: {},
      mounts: [{ volume: csi.name, mountPath: "/spiffe" }],
    },
  ],
  volumes: [csi],
  ...extra,
});

const foo: DeploymentFacts = {
  name: "foo",
  namespace: "spire",
  server: "foo",
  psatCluster: "demo",
  agentNodeSelector: {},
  agentSocketDir: "/run/spire/agent-sockets",
  csiDriver: "csi.spiffe.io",
  daemonSets: ["spire-agent", "spiffe-csi-driver"],
};
const nodes = [
  { name: "node-1", uid: "n1", labels: {} },
  { name: "node-2", uid: "n2", labels: {} },
];

function facts(pods: WorkloadPod[], entries: Entry[], extra: Partial<ClusterFacts> = {}): ClusterFacts {
  return {
    cluster: "demo",
    nodes,
    deployments: [foo],
    pods,
    controllerPodUids: new Set(),
    servers: new Map([["foo", { trustDomain: TD, agents: [agent("n1"), agent("n2")], entries: everyEntry(entries) }]]),
    ...extra,
  };
}

const names = (f: ReturnType<typeof findUnidentifiedPods>) => f.pods.map((p) => `${p.name}:${p.kind}`);

describe("findUnidentifiedPods", () => {
  it("lists a CSI pod with no entry, with a Create entry under its node's agent prefilled with ns and sa", () => {
    const found = findUnidentifiedPods(facts([pod("orders")], []), "/kubernetes/no-identity");
    expect(names(found)).toEqual(["orders:no-entry"]);
    const [action] = found.pods[0]!.actions;
    expect(action!.label).toBe("Create entry");
    const url = new URL(action!.href, "http://x");
    expect(url.pathname).toBe("/entries/new");
    expect(url.searchParams.get("parentId")).toBe(agentId("n1"));
    expect(url.searchParams.get("spiffeId")).toBe(`spiffe://${TD}/ns/shop/sa/orders`);
    expect(url.searchParams.getAll("selector")).toEqual(["k8s:ns:shop", "k8s:sa:orders"]);
    expect(url.searchParams.get("returnTo")).toBe("/kubernetes/no-identity");
  });

  it("leaves out pods that match an entry under their agent or a covering alias, and those with no mount", () => {
    const alias = entry("/cluster/demo", SERVER_ID, ["k8s_psat:cluster:demo"]);
    const entries = [
      entry("/orders", agentId("n1"), ["k8s:ns:shop", "k8s:sa:orders"]),
      alias,
      entry("/cart", alias.spiffeId, ["k8s:ns:shop", "k8s:sa:cart"]),
    ];
    const plain = pod("plain", { volumes: [], containers: [] });
    const found = findUnidentifiedPods(facts([pod("orders"), pod("cart"), plain], entries));
    expect(found.pods).toEqual([]);
    expect(found.assessed).toBe(2);
  });

  it("counts a pod as registered when one of its containers matches (container-name selectors)", () => {
    const two = pod("two", {
      containers: [
        { name: "main", init: false, specImage: "i", status: null, env: {}, mounts: [] },
        { name: "sidecar", init: false, specImage: "i", status: null, env: {}, mounts: [] },
      ],
    });
    const entries = [entry("/side", agentId("n1"), ["k8s:ns:shop", "k8s:container-name:sidecar"])];
    expect(findUnidentifiedPods(facts([two], entries)).pods).toEqual([]);
  });

  it("says 'under another agent' for an entry with the pod's selectors under another node's agent, Edit first", () => {
    const moved = entry("/orders", agentId("n2"), ["k8s:ns:shop", "k8s:sa:orders"]);
    const [found] = findUnidentifiedPods(facts([pod("orders")], [moved])).pods;
    expect(found!.kind).toBe("other-agent");
    expect(found!.entry?.id).toBe(moved.id);
    expect(found!.title).toMatch(/parented to another agent/);
    expect(found!.actions.map((a) => a.label)).toEqual([
      "Edit the existing entry: move it to this node's agent",
      "Create entry",
    ]);
    expect(new URL(found!.actions[0]!.href, "http://x").searchParams.get("parentId")).toBe(agentId("n1"));
  });

  it("names an agent of another cluster as another agent, not as the agent of a node that is gone", () => {
    const elsewhere = { ...agent("x9"), spiffeId: `spiffe://${TD}/spire/agent/k8s_psat/edge/x9` };
    elsewhere.selectors = sel("k8s_psat:cluster:edge", "k8s_psat:agent_node_uid:x9");
    const there = entry("/orders", elsewhere.spiffeId, ["k8s:ns:shop", "k8s:sa:orders"]);
    const base = facts([pod("orders")], [there]);
    const servers = new Map([
      ["foo", { trustDomain: TD, agents: [agent("n1"), elsewhere], entries: everyEntry([there]) }],
    ]);
    const [found] = findUnidentifiedPods({ ...base, servers }).pods;
    expect(found!.kind).toBe("other-agent");
    expect(found!.title).toMatch(
      /parented to another agent \(spiffe:\/\/foo\.example\/spire\/agent\/k8s_psat\/edge\/x9\)/,
    );
    expect(found!.title).not.toMatch(/no longer exists/);
  });

  it("does not call an entry a near miss for sharing only the default service account", () => {
    const other = entry("/elsewhere", agentId("n1"), ["k8s:ns:other", "k8s:sa:default", "k8s:pod-label:app:x"]);
    const [found] = findUnidentifiedPods(facts([pod("legacy", { serviceAccount: "default" })], [other])).pods;
    expect(found!.kind).toBe("no-entry");
  });

  it("says so for an entry under a node alias that does not cover the pod's node", () => {
    const alias = entry("/node-2", SERVER_ID, ["k8s_psat:agent_node_uid:n2"]);
    const under = entry("/orders", alias.spiffeId, ["k8s:ns:shop", "k8s:sa:orders"]);
    const [found] = findUnidentifiedPods(facts([pod("orders")], [alias, under])).pods;
    expect(found!.kind).toBe("other-agent");
    expect(found!.title).toMatch(/node alias .* does not cover this agent/);
  });

  it("names the differing selectors of a near miss and offers to edit that entry first", () => {
    const near = entry("/orders", agentId("n1"), ["k8s:ns:shop", "k8s:sa:shop-orders"]);
    const [found] = findUnidentifiedPods(facts([pod("orders")], [near])).pods;
    expect(found!.kind).toBe("near-miss");
    expect(found!.differences).toEqual([{ expected: "k8s:sa:shop-orders", actual: ["k8s:sa:orders"] }]);
    expect(found!.title).toMatch(/differs in service account/);
    expect(found!.actions.map((a) => a.label)).toEqual(["Edit the existing entry", "Create entry"]);
    expect(found!.actions[0]!.href).toContain(`/entries/${near.id}/edit`);
  });

  it("treats an entry under the ID its node's agent would have as registering it, when the node has no agent", () => {
    const awaiting = entry("/orders", agentId("n2"), ["k8s:ns:shop", "k8s:sa:orders"]);
    const onNode2 = pod("orders", { nodeName: "node-2" });
    const only1 = facts([onNode2], [awaiting]);
    const servers = new Map([["foo", { trustDomain: TD, agents: [agent("n1")], entries: everyEntry([awaiting]) }]]);
    expect(findUnidentifiedPods({ ...only1, servers }).pods).toEqual([]);
  });

  it("leaves out pods a ClusterSPIFFEID selects, and SPIRE's own pods", () => {
    const agentPod = pod("spire-agent-x", {
      namespace: "other",
      owners: [{ kind: "DaemonSet", name: "spire-agent", uid: "d" }],
      volumes: [{ name: "sock", csiDriver: null, hostPath: "/run/spire/agent-sockets" }],
    });
    const inSpire = pod("spire-server-0", { namespace: "spire" });
    const selected = pod("cart");
    const found = findUnidentifiedPods(
      facts([agentPod, inSpire, selected], [], { controllerPodUids: new Set([selected.uid]) }),
    );
    expect(found.pods).toEqual([]);
  });

  it("finds pods that mount the agent socket's host directory (or one above it)", () => {
    const hostPath = (path: string) => [{ name: "sock", csiDriver: null, hostPath: path }];
    const exact = pod("exact", { volumes: hostPath("/run/spire/agent-sockets/") });
    const above = pod("above", { volumes: hostPath("/run/spire") });
    const other = pod("other", { volumes: hostPath("/var/log") });
    const found = findUnidentifiedPods(facts([exact, above, other], []));
    expect(found.pods.map((p) => [p.name, p.mount.kind])).toEqual([
      ["above", "agent-socket"],
      ["exact", "agent-socket"],
    ]);
  });

  it("judges each pod against the SPIRE deployment whose agents run on its node", () => {
    const bar: DeploymentFacts = {
      ...foo,
      name: "bar",
      namespace: "spire-bar",
      server: "bar",
      agentNodeSelector: { s: "bar" },
    };
    const barNodes = [...nodes, { name: "node-b", uid: "nb", labels: { s: "bar" } }];
    const barAgent = { ...agent("nb"), spiffeId: "spiffe://bar.example/spire/agent/k8s_psat/demo/nb" };
    const billing = pod("billing", { nodeName: "node-b", namespace: "billing" });
    const barEntry = entryWith({
      id: "b1",
      spiffeId: "spiffe://bar.example/billing",
      parentId: barAgent.spiffeId,
      selectors: sel("k8s:ns:billing"),
    });
    const servers = new Map([
      ["foo", { trustDomain: TD, agents: [agent("n1")], entries: everyEntry([]) }],
      ["bar", { trustDomain: "bar.example", agents: [barAgent], entries: everyEntry([barEntry]) }],
    ]);
    const base = facts([billing, pod("orders")], [], { nodes: barNodes, deployments: [foo, bar], servers });
    expect(findUnidentifiedPods(base).pods.map((p) => [p.name, p.server])).toEqual([["orders", "foo"]]);
    const unread = findUnidentifiedPods({ ...base, servers: new Map([["foo", servers.get("foo")!]]) });
    expect([unread.unassessed, unread.assessed]).toEqual([1, 1]);
  });
});
