import { describe, expect, it } from "vitest";

import {
  A1,
  A2,
  agent,
  agentId,
  aliasAll,
  aliasNode2,
  diagnoseInput,
  entry,
  type Scenario,
  sel,
  TD,
} from "../../test/support/troubleshoot-fixture";
import { diagnoseWorkload, type ReasonCode } from "./diagnose-workload";

type Case = Scenario & { name: string; verdict: "ok" | "degraded" | "none"; top?: ReasonCode; matches?: number };

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

describe("diagnoseWorkload (table)", () => {
  it.each(cases)("$name", (c) => {
    const d = diagnoseWorkload(diagnoseInput(c));
    expect(d.verdict.status).toBe(c.verdict);
    if (c.top) expect(d.verdict.reasons[0]?.code).toBe(c.top);
    else expect(d.verdict.reasons).toEqual([]);
    if (c.matches !== undefined) expect(d.matches).toHaveLength(c.matches);
  });
});
