import { describe, expect, it } from "vitest";

import { A1, entry, pod, TD } from "../../test/support/troubleshoot-fixture";
import { servingParents } from "./match-entries";
import { reverseLookup } from "./reverse-lookup";
import { containerSelectors } from "./workload-selectors";

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
