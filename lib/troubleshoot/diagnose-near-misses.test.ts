// The near misses the troubleshooter lists when no entry matches, and the fix it offers first for each.
import { describe, expect, it } from "vitest";

import { renderFailureGap } from "@/lib/controller-manager/render-gap";
import { selectorKey } from "@/lib/entries/match-selectors";

import {
  A1,
  A2,
  agentId,
  aliasNode2,
  diagnoseInput,
  entry,
  sel,
  TD,
  workload,
} from "../../test/support/troubleshoot-fixture";
import { diagnoseWorkload } from "./diagnose-workload";
import { type NearMissKind, rankNearMisses, servingParents } from "./match-entries";

describe("near-miss details", () => {
  it("gives only the missing agent as reason when no agent serves the node (near misses stay listed)", () => {
    const d = diagnoseWorkload(
      diagnoseInput({ agentUid: null, entries: [entry("/orders", A1.spiffeId, ["k8s:ns:shop", "k8s:sa:orders"])] }),
    );
    expect(d.verdict.reasons.map((r) => r.code)).toEqual(["no-agent"]);
    expect(d.nearMisses.map((m) => m.kind)).toEqual(["other-agent"]);
  });
  it("reports the workload's actual value for a differing selector: edit the entry first, create only second", () => {
    const e = entry("/orders", A1.spiffeId, ["k8s:ns:shop-old", "k8s:sa:orders"]);
    const d = diagnoseWorkload(diagnoseInput({ entries: [e] }));
    expect(d.nearMisses[0]?.differences[0]?.actual.map(selectorKey)).toEqual(["k8s:ns:shop"]);
    expect(d.verdict.reasons[0]!.action).toEqual({
      label: "Edit the existing entry",
      href: `/entries/${e.id}/edit?server=foo`,
    });
    const href = new URL(d.verdict.reasons[0]!.secondary!.href, "http://x");
    expect(href.pathname).toBe("/entries/new");
    expect(href.searchParams.getAll("selector")).toEqual(["k8s:ns:shop", "k8s:sa:orders"]);
    expect(href.searchParams.get("parentId")).toBe(A1.spiffeId);
  });
  it("moves the stale-parent entry to the node's agent first, creating a new one only as the alternative", () => {
    const stale = entry("/orders", agentId("uid-gone"), ["k8s:ns:shop"]);
    const d = diagnoseWorkload({
      ...diagnoseInput({ entries: [stale] }),
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
  it("finds the look-alike entry under an alias that does not cover the node, and edits it first", () => {
    // The seeded payments case: …/payments/api selects sa:api under a fleet alias; the pod runs as payments-api.
    const payments = entry("/payments/api", aliasNode2.spiffeId, ["k8s:ns:shop", "k8s:sa:api"]);
    const unrelated = entry("/billing", A1.spiffeId, ["k8s:ns:shop", "k8s:sa:billing"]);
    const d = diagnoseWorkload({
      ...diagnoseInput({ entries: [aliasNode2, unrelated, payments] }),
      selectors: [...workload.filter((s) => s.value !== "sa:orders"), ...sel("k8s:sa:orders-api")],
    });
    expect(d.nearMisses.map((m) => [m.entry.spiffeId, m.kind, m.parentProblem?.kind])).toEqual([
      [payments.spiffeId, "service-account", "alias-not-covering"],
    ]);
    const [reason] = d.verdict.reasons;
    expect(reason!.title).toMatch(
      /needs k8s:sa:api \(the workload has k8s:sa:orders-api\), and its parent .* is a node alias that does not cover this node/,
    );
    expect(reason!.action!.label).toBe("Edit the existing entry: move it to this node's agent");
    expect(new URL(reason!.action!.href, "http://x").pathname).toBe(`/entries/${payments.id}/edit`);
    expect(reason!.secondary!.label).toBe("Create with the workload's values");
  });

  it("names the ClusterSPIFFEID that renders a near miss, and one that cannot render for the pod", () => {
    const owned = entry("/orders", A2.spiffeId, ["k8s:ns:shop", "k8s:sa:orders"]);
    const gap = renderFailureGap(
      "shop-batch",
      { namespace: "shop", name: "orders-1", uid: "p-1", node: "n1" },
      '.PodMeta.Labels has no entry for key "team"',
    );
    const d = diagnoseWorkload({
      ...diagnoseInput({ entries: [owned] }),
      controller: {
        owners: { [owned.id]: "ClusterSPIFFEID shop-mesh" },
        renderFailures: [{ object: "shop-batch", gap }],
      },
    });
    expect(d.verdict.reasons.map((r) => r.code)).toEqual(["render-failure", "other-agent"]);
    expect(d.verdict.reasons[0]!.title).toBe(
      'ClusterSPIFFEID shop-batch selects this pod but cannot render its SPIFFE ID: .PodMeta.Labels has no entry for key "team"',
    );
    expect(d.verdict.reasons[0]!.fix).toMatch(/kubectl label pod -n shop orders-1 team=<value>/);
    expect(d.verdict.reasons[1]!.title).toMatch(/\(it is rendered by ClusterSPIFFEID shop-mesh\)$/);
    expect(d.verdict.reasons[1]!.fix).toMatch(
      /^spire-controller-manager owns this entry: change ClusterSPIFFEID shop-mesh/,
    );
    expect(d.verdict.reasons[1]!.action!.label).toMatch(/^Edit the existing entry/);
  });

  it("lists the alias selectors the agent lacks", () => {
    const parents = servingParents(A1, [aliasNode2], TD);
    const misses = rankNearMisses([entry("/o", aliasNode2.spiffeId, ["k8s:ns:shop"])], workload, parents, {
      trustDomain: TD,
      agents: [A1, A2],
      aliases: [aliasNode2],
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
      { trustDomain: TD, agents: [A1, A2], aliases: [], agent: A1, nodeUids: new Set(["uid-1", "uid-2"]) },
    ).map((m) => m.kind);
    expect(kinds).toEqual(["other-agent", "namespace", "selectors"]);
  });
});
