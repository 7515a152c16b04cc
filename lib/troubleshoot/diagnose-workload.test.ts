import { describe, expect, it } from "vitest";

import { selectorKey } from "@/lib/entries/match-selectors";
import type { WorkloadPod } from "@/lib/k8s/types";
import type { Agent, Bundle, Entry, Selector } from "@/lib/spire/types";

import { entryWith } from "../../test/support/entry-fixture";
import { checkDelivery, type CsiState } from "./check-delivery";
import { attestationErrors, diagnoseAgents, mapAttestationError } from "./diagnose-agents";
import { type DiagnoseInput, diagnoseWorkload, type ReasonCode } from "./diagnose-workload";
import { type NearMissKind, parseSelector, rankNearMisses, servingParents } from "./match-entries";
import { reverseLookup } from "./reverse-lookup";
import { containerSelectors, podSelectors } from "./workload-selectors";

const TD = "td.example";
const SERVER = `spiffe://${TD}/spire/server`;
const NOW = Date.parse("2026-06-01T00:00:00Z");
const sel = (...texts: string[]): Selector[] => texts.map((t) => parseSelector(t)!);
const agentId = (uid: string) => `spiffe://${TD}/spire/agent/k8s_psat/demo/${uid}`;
const agent = (uid: string, extra: Partial<Agent> = {}): Agent => ({
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
const entry = (spiffePath: string, parentId: string, selectors: string[], extra: Partial<Entry> = {}): Entry =>
  entryWith({
    id: `e${++nextId}`,
    spiffeId: `spiffe://${TD}${spiffePath}`,
    parentId,
    selectors: sel(...selectors),
    ...extra,
  });

const A1 = agent("uid-1");
const A2 = agent("uid-2");
const workload = sel(
  "k8s:ns:shop",
  "k8s:sa:orders",
  "k8s:pod-label:app:orders",
  "k8s:node-name:node-uid-1",
  "k8s:container-name:orders",
);
const aliasAll = entry("/cluster/demo", SERVER, ["k8s_psat:cluster:demo"]);
const aliasNode2 = entry("/cluster/node-2", SERVER, ["k8s_psat:agent_node_name:node-uid-2"]);

type Case = {
  name: string;
  entries: Entry[];
  agents?: Agent[];
  agentUid?: string | null;
  selectors?: Selector[];
  verdict: "ok" | "degraded" | "none";
  top?: ReasonCode;
  matches?: number;
  bundles?: Bundle[];
};

const cases: Case[] = [
  {
    name: "exact ns+sa entry under the agent",
    entries: [entry("/orders", A1.spiffeId, ["k8s:ns:shop", "k8s:sa:orders"])],
    verdict: "ok",
    matches: 1,
  },
  {
    name: "entry with a subset (ns only)",
    entries: [entry("/shop", A1.spiffeId, ["k8s:ns:shop"])],
    verdict: "ok",
    matches: 1,
  },
  {
    name: "entry under a covering alias",
    entries: [aliasAll, entry("/orders", aliasAll.spiffeId, ["k8s:ns:shop", "k8s:sa:orders"])],
    verdict: "ok",
    matches: 1,
  },
  {
    name: "two matching entries",
    entries: [entry("/a", A1.spiffeId, ["k8s:ns:shop"]), entry("/b", A1.spiffeId, ["k8s:sa:orders"])],
    verdict: "ok",
    matches: 2,
  },
  { name: "no entries at all", entries: [], verdict: "none", top: "no-entry" },
  {
    name: "only an unrelated entry sharing the namespace",
    entries: [entry("/other", A1.spiffeId, ["k8s:ns:shop", "k8s:sa:billing"])],
    verdict: "none",
    top: "no-entry",
  },
  {
    name: "wrong namespace",
    entries: [entry("/orders", A1.spiffeId, ["k8s:ns:shop-old", "k8s:sa:orders"])],
    verdict: "none",
    top: "namespace",
  },
  {
    name: "wrong service account",
    entries: [entry("/orders", A1.spiffeId, ["k8s:ns:shop", "k8s:sa:default", "k8s:pod-label:app:orders"])],
    verdict: "none",
    top: "service-account",
  },
  {
    name: "wrong label value",
    entries: [entry("/orders", A1.spiffeId, ["k8s:ns:shop", "k8s:pod-label:app:order", "k8s:sa:orders"])],
    verdict: "none",
    top: "selectors",
  },
  {
    name: "stale node UID parent (agent gone)",
    entries: [entry("/orders", agentId("uid-gone"), ["k8s:ns:shop", "k8s:sa:orders"])],
    verdict: "none",
    top: "stale-parent",
  },
  {
    name: "parented to another node's agent",
    entries: [entry("/orders", A2.spiffeId, ["k8s:ns:shop", "k8s:sa:orders"])],
    verdict: "none",
    top: "other-agent",
  },
  {
    name: "alias that does not cover the agent",
    entries: [aliasNode2, entry("/orders", aliasNode2.spiffeId, ["k8s:ns:shop", "k8s:sa:orders"])],
    verdict: "none",
    top: "alias-not-covering",
  },
  {
    name: "parented to a workload entry",
    entries: [entry("/orders", `spiffe://${TD}/some/workload`, ["k8s:ns:shop", "k8s:sa:orders"])],
    verdict: "none",
    top: "parent-elsewhere",
  },
  {
    name: "stale parent ranks above a namespace miss",
    entries: [
      entry("/x", A1.spiffeId, ["k8s:ns:other", "k8s:sa:orders"]),
      entry("/orders", agentId("uid-gone"), ["k8s:ns:shop", "k8s:sa:orders"]),
    ],
    verdict: "none",
    top: "stale-parent",
  },
  {
    name: "one-off miss ranks above two-off",
    entries: [
      entry("/x", A1.spiffeId, ["k8s:ns:other", "k8s:sa:orders", "k8s:pod-label:app:nope"]),
      entry("/y", A1.spiffeId, ["k8s:ns:shop", "k8s:sa:billing", "k8s:pod-label:app:orders"]),
    ],
    verdict: "none",
    top: "service-account",
  },
  {
    name: "no agent on the node",
    agentUid: null,
    entries: [entry("/orders", A1.spiffeId, ["k8s:ns:shop"])],
    verdict: "none",
    top: "no-agent",
  },
  {
    name: "banned agent",
    agents: [agent("uid-1", { banned: true }), A2],
    entries: [entry("/orders", A1.spiffeId, ["k8s:ns:shop"])],
    verdict: "none",
    top: "agent-banned",
  },
  {
    name: "expired agent SVID",
    agents: [agent("uid-1", { x509SvidExpiresAt: "2026-05-01T00:00:00Z" })],
    entries: [entry("/orders", A1.spiffeId, ["k8s:ns:shop"])],
    verdict: "none",
    top: "agent-expired",
  },
  {
    name: "federates with a domain without bundle",
    entries: [entry("/orders", A1.spiffeId, ["k8s:ns:shop"], { federatesWith: ["other.example"] })],
    verdict: "degraded",
    top: "federated-bundle-missing",
    matches: 1,
  },
  {
    name: "federates with an expired bundle",
    bundles: [
      {
        trustDomain: "old.example",
        x509Authorities: [
          {
            subject: "CN=old",
            notBefore: "2020-01-01T00:00:00Z",
            notAfter: "2021-01-01T00:00:00Z",
            tainted: false,
            fingerprint: "x",
            subjectKeyId: "",
          },
        ],
        jwtAuthorities: [],
        witAuthorities: [],
        refreshHint: 0,
        sequenceNumber: "1",
      },
    ],
    entries: [entry("/orders", A1.spiffeId, ["k8s:ns:shop"], { federatesWith: ["old.example"] })],
    verdict: "degraded",
    top: "federated-bundle-expired",
    matches: 1,
  },
  {
    name: "federates with a valid bundle",
    bundles: [
      {
        trustDomain: "ok.example",
        x509Authorities: [
          {
            subject: "CN=ok",
            notBefore: "2026-01-01T00:00:00Z",
            notAfter: "2027-01-01T00:00:00Z",
            tainted: false,
            fingerprint: "y",
            subjectKeyId: "",
          },
        ],
        jwtAuthorities: [],
        witAuthorities: [],
        refreshHint: 0,
        sequenceNumber: "1",
      },
    ],
    entries: [entry("/orders", A1.spiffeId, ["k8s:ns:shop"], { federatesWith: ["ok.example"] })],
    verdict: "ok",
    matches: 1,
  },
  {
    name: "entry without selectors never matches",
    entries: [entry("/empty", A1.spiffeId, [])],
    verdict: "none",
    top: "no-entry",
  },
  {
    name: "entry for another container (shares only the namespace)",
    entries: [entry("/sidecar", A1.spiffeId, ["k8s:ns:shop", "k8s:container-name:envoy"])],
    verdict: "none",
    top: "no-entry",
  },
  {
    name: "container-image of the wrong tag",
    entries: [
      entry("/img", A1.spiffeId, ["k8s:sa:orders", "k8s:container-name:orders", "k8s:container-image:reg/orders:2"]),
    ],
    verdict: "none",
    top: "selectors",
  },
  {
    name: "unix selectors in selector mode",
    selectors: sel("unix:uid:1000", "unix:gid:1000"),
    entries: [entry("/svc", A1.spiffeId, ["unix:uid:1000"])],
    verdict: "ok",
    matches: 1,
  },
  {
    name: "unix uid off by one",
    selectors: sel("unix:uid:1000", "unix:user:svc"),
    entries: [entry("/svc", A1.spiffeId, ["unix:uid:1001", "unix:user:svc"])],
    verdict: "none",
    top: "selectors",
  },
  {
    name: "match plus stale duplicate still ok",
    entries: [entry("/orders", A1.spiffeId, ["k8s:ns:shop"]), entry("/orders", agentId("uid-gone"), ["k8s:ns:shop"])],
    verdict: "ok",
    matches: 1,
  },
];

function input(c: Case): DiagnoseInput {
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
    entries: c.entries,
    federatedBundles: c.bundles ?? [],
    activeCa: { notBefore: "2026-05-31T00:00:00Z", notAfter: "2026-06-07T00:00:00Z" },
    nodeUids: new Set(["uid-1", "uid-2", "uid-none"]),
    delivery: null,
    suggestion: { spiffeId: `spiffe://${TD}/ns/shop/sa/orders`, selectors: sel("k8s:ns:shop", "k8s:sa:orders") },
    now: NOW,
  };
}

describe("diagnoseWorkload (table)", () => {
  it.each(cases)("$name", (c) => {
    const d = diagnoseWorkload(input(c));
    expect(d.verdict.status).toBe(c.verdict);
    if (c.top) expect(d.verdict.reasons[0]?.code).toBe(c.top);
    else expect(d.verdict.reasons).toEqual([]);
    if (c.matches !== undefined) expect(d.matches).toHaveLength(c.matches);
  });
});

describe("near-miss details", () => {
  it("gives only the missing agent as reason when no agent serves the node (near misses stay listed)", () => {
    const d = diagnoseWorkload(
      input({
        name: "",
        agentUid: null,
        entries: [entry("/orders", A1.spiffeId, ["k8s:ns:shop", "k8s:sa:orders"])],
        verdict: "none",
      }),
    );
    expect(d.verdict.reasons.map((r) => r.code)).toEqual(["no-agent"]);
    expect(d.nearMisses.map((m) => m.kind)).toEqual(["other-agent"]);
  });
  it("reports the workload's actual value for a differing selector and a create link with it", () => {
    const e = entry("/orders", A1.spiffeId, ["k8s:ns:shop-old", "k8s:sa:orders"]);
    const d = diagnoseWorkload(input({ name: "", entries: [e], verdict: "none" }));
    expect(d.nearMisses[0]?.differences[0]?.actual.map(selectorKey)).toEqual(["k8s:ns:shop"]);
    const href = new URL(d.verdict.reasons[0]!.action!.href, "http://x");
    expect(href.pathname).toBe("/entries/new");
    expect(href.searchParams.getAll("selector")).toEqual(["k8s:ns:shop", "k8s:sa:orders"]);
    expect(href.searchParams.get("parentId")).toBe(A1.spiffeId);
  });
  it("moves the stale-parent entry to the node's agent first, creating a new one only as the alternative", () => {
    const stale = entry("/orders", agentId("uid-gone"), ["k8s:ns:shop"]);
    const d = diagnoseWorkload({
      ...input({ name: "", entries: [stale], verdict: "none" }),
      returnTo: "/troubleshoot?server=foo&namespace=shop&name=orders-1",
    });
    const primary = new URL(d.verdict.reasons[0]!.action!.href, "http://x");
    expect(primary.pathname).toBe(`/entries/${stale.id}/edit`);
    expect(primary.searchParams.get("parentId")).toBe(A1.spiffeId);
    expect(primary.searchParams.get("returnTo")).toBe("/troubleshoot?server=foo&namespace=shop&name=orders-1");
    const secondary = new URL(d.verdict.reasons[0]!.secondary!.href, "http://x");
    expect(secondary.pathname).toBe("/entries/new");
    expect(secondary.searchParams.get("parentId")).toBe(A1.spiffeId);
  });
  it("lists the alias selectors the agent lacks", () => {
    const parents = servingParents(A1, [aliasNode2], TD);
    const misses = rankNearMisses([entry("/o", aliasNode2.spiffeId, ["k8s:ns:shop"])], workload, parents, {
      trustDomain: TD,
      agents: [A1, A2],
      entries: [aliasNode2],
      agent: A1,
      nodeUids: null,
    });
    expect(misses[0]?.parentProblem).toMatchObject({
      kind: "alias-not-covering",
      uncovered: sel("k8s_psat:agent_node_name:node-uid-2"),
    });
  });
  it("ranks by score", () => {
    const kinds: NearMissKind[] = rankNearMisses(
      [
        entry("/a", A1.spiffeId, ["k8s:sa:orders", "k8s:ns:x", "k8s:pod-label:app:y"]),
        entry("/b", A2.spiffeId, ["k8s:sa:orders"]),
        entry("/c", A1.spiffeId, ["k8s:sa:orders", "k8s:ns:x"]),
      ],
      workload,
      servingParents(A1, [], TD),
      { trustDomain: TD, agents: [A1, A2], entries: [], agent: A1, nodeUids: new Set(["uid-1", "uid-2"]) },
    ).map((m) => m.kind);
    expect(kinds).toEqual(["other-agent", "namespace", "selectors"]);
  });
});

const pod: WorkloadPod = {
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
const csi: CsiState = {
  driverName: "csi.spiffe.io",
  driverHealthy: true,
  driverInstalled: true,
  registeredOnNode: true,
  podHealthy: true,
  agentSocketDir: "/run/spire/agent-sockets",
};

describe("k8s workload selectors", () => {
  it("produces the attestor's pod selectors from the kubelet's statuses", () => {
    const keys = podSelectors(pod).map(selectorKey);
    expect(keys).toEqual(
      expect.arrayContaining([
        "k8s:ns:shop",
        "k8s:sa:orders",
        "k8s:pod-uid:p-1",
        "k8s:pod-name:orders-1",
        "k8s:node-name:n1",
        "k8s:pod-label:app:orders",
        "k8s:pod-owner:ReplicaSet:orders-5d",
        "k8s:pod-owner-uid:ReplicaSet:rs-1",
        "k8s:pod-image:reg/orders:1",
        "k8s:pod-image:reg/orders@sha256:aa",
        "k8s:pod-image-count:1",
        "k8s:pod-init-image-count:0",
      ]),
    );
  });
  it("models selectors per container and explains unreported images", () => {
    const [orders, envoy] = containerSelectors(pod);
    expect(orders!.selectors.map(selectorKey)).toEqual(
      expect.arrayContaining(["k8s:container-name:orders", "k8s:container-image:reg/orders:1"]),
    );
    expect(envoy!.selectors.map(selectorKey)).not.toContain("k8s:container-image:envoy:1");
    expect(envoy!.imageNote).toMatch(/not reported/);
  });
});

describe("delivery path", () => {
  it("passes with a CSI mount and the socket inside it", () => {
    expect(checkDelivery(pod, pod.containers[0]!, csi)).toMatchObject({ via: "csi", mountPath: "/spiffe", issues: [] });
  });
  it("blocks without a Workload API volume", () => {
    expect(checkDelivery(pod, pod.containers[1]!, csi).issues[0]?.code).toBe("no-workload-api-volume");
  });
  it("blocks when the socket is outside the mount", () => {
    const c = { ...pod.containers[0]!, env: { SPIFFE_ENDPOINT_SOCKET: "unix:///run/agent.sock" } };
    expect(checkDelivery(pod, c, csi).issues[0]?.code).toBe("socket-outside-mount");
  });
  it("does not claim a missing registration on a node the cluster does not know", () => {
    expect(checkDelivery(pod, pod.containers[0]!, { ...csi, registeredOnNode: null, podHealthy: null }).issues).toEqual(
      [],
    );
  });
  it("blocks when the driver is not registered on the node", () => {
    expect(
      checkDelivery(pod, pod.containers[0]!, { ...csi, registeredOnNode: false }).issues.map((i) => i.code),
    ).toEqual(["csi-not-registered"]);
  });
});

describe("agent diagnosis and k8s_psat log mapping", () => {
  it("finds nodes without agent, agents without node, and cluster names no agent uses", () => {
    const issues = diagnoseAgents({
      nodes: [
        { name: "n1", uid: "uid-1" },
        { name: "n3", uid: "uid-3" },
      ],
      podNodes: ["n1", "n9", "n9"],
      agents: [A1, A2],
      entries: [entry("/a", SERVER, ["k8s_psat:cluster:prod"])],
      now: NOW,
    });
    expect(issues.map((i) => `${i.kind}:${i.subject}`)).toEqual([
      "node-without-agent:n3",
      "node-without-agent:n9",
      `agent-node-gone:${A2.spiffeId}`,
      "cluster-mismatch:k8s_psat:cluster:prod",
    ]);
  });
  it.each([
    ['rpc error: code = InvalidArgument desc = not configured for cluster "prod"', /cluster name/],
    ['token not authenticated according to TokenReview API for cluster "demo"', /rejected/],
    ['"system:serviceaccount:spire:default" is not an allowed service account for cluster "demo"', /service account/],
    ['unable to validate token with TokenReview API for cluster "demo": forbidden', /TokenReview/],
    ['fail to get pod from k8s API server for cluster "demo": not found', /agent's pod/],
    ["pod UID mismatch", /stale/],
  ])("maps %s", (line, cause) => {
    expect(mapAttestationError(line)?.cause).toMatch(cause);
  });
  it("ignores unrelated lines", () => {
    expect(
      attestationErrors(
        'level=info msg="Starting"\nlevel=error msg="Failed attestation" error="token not authenticated according to TokenReview API"',
      ),
    ).toHaveLength(1);
  });
});

describe("reverse lookup", () => {
  const e = entry("/orders", A1.spiffeId, ["k8s:ns:shop", "k8s:sa:orders"]);
  const parents = servingParents(A1, [], TD);
  it("finds the containers an entry matches", () => {
    expect(
      reverseLookup(e, [{ pod, containers: containerSelectors(pod), parents }]).matches.map((h) => h.container),
    ).toEqual(["orders", "envoy"]);
  });
  it("shows the closest pods and what differs when none matches", () => {
    const other = { ...pod, serviceAccount: "billing" };
    const r = reverseLookup(e, [{ pod: other, containers: containerSelectors(other), parents }]);
    expect(r.matches).toEqual([]);
    expect(r.closest[0]?.differences).toEqual([{ expected: "k8s:sa:orders", actual: ["k8s:sa:billing"] }]);
  });
});
