import { describe, expect, it } from "vitest";

import { applySuppressions, describeSuppression, type IdentitySuppression } from "./suppression";

const meta = { reason: "r", createdBy: "o", createdAt: 0 };
const rules: IdentitySuppression[] = [
  { id: "ns", cluster: "demo", kind: "namespace", namespace: "batch", ...meta },
  { id: "lbl", cluster: "demo", kind: "label", key: "team", value: "legacy", ...meta },
  { id: "edge", cluster: "edge", kind: "namespace", namespace: "shop", ...meta },
];
const pod = (name: string, namespace: string, labels: Record<string, string> = {}) => ({ name, namespace, labels });

describe("applySuppressions", () => {
  it("hides exactly the pods of the rules' namespace or label in the rules' own cluster", () => {
    const pods = [
      pod("a", "batch"),
      pod("b", "shop", { team: "legacy" }),
      pod("c", "shop", { team: "legacy-2" }),
      pod("d", "shop"),
      pod("e", "batch", { team: "legacy" }),
    ];
    const { shown, suppressed } = applySuppressions("demo", pods, rules);
    expect(shown.map((p) => p.name)).toEqual(["c", "d"]);
    expect(suppressed.map((p) => [p.name, p.suppressedBy])).toEqual([
      ["a", ["ns"]],
      ["b", ["lbl"]],
      ["e", ["ns", "lbl"]],
    ]);
  });

  it("never applies a rule of another cluster", () => {
    const { shown } = applySuppressions("edge", [pod("a", "batch"), pod("b", "shop")], rules);
    expect(shown.map((p) => p.name)).toEqual(["a"]);
  });

  it("does not match a label key that is only inherited from Object.prototype", () => {
    const proto = {
      ...rules[1]!,
      key: "constructor",
      value: "function Object() { [native code] }",
    } as IdentitySuppression;
    expect(applySuppressions("demo", [pod("a", "x")], [proto]).suppressed).toEqual([]);
  });

  it("describes a rule in a few words", () => {
    expect(rules.map(describeSuppression)).toEqual(["namespace batch", "label team=legacy", "namespace shop"]);
  });
});
