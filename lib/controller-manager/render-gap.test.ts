import { describe, expect, it } from "vitest";

import { renderFailureGap } from "./render-gap";

const pod = { namespace: "shop", name: "batch-1", uid: "u1", node: "node-a" };

describe("renderFailureGap", () => {
  it("names the missing pod label, the fix and the kubectl command", () => {
    const gap = renderFailureGap("shop-batch", pod, '.PodMeta.Labels has no entry for key "team"');
    expect(gap).toMatchObject({ kind: "render-failure", pod: { namespace: "shop", name: "batch-1", uid: "u1" } });
    expect(gap.cause).toBe(
      'pod shop/batch-1 lacks the label "team" that shop-batch\'s SPIFFE ID template reads, so spire-controller-manager ' +
        "renders no SPIFFE ID and creates no entry for the pod.",
    );
    expect(gap.fix).toMatch(/pod template .* or narrow shop-batch's podSelector/);
    expect(gap.command).toBe("kubectl label pod -n shop batch-1 team=<value>");
  });

  it("names the node for a missing node label", () => {
    const gap = renderFailureGap("x", pod, '.NodeMeta.Labels has no entry for key "zone"');
    expect(gap.cause).toMatch(/^node node-a lacks the label "zone"/);
    expect(gap.command).toBe("kubectl label node node-a zone=<value>");
  });

  it("falls back to the template error when the cause is something else", () => {
    const gap = renderFailureGap("x", pod, "the console cannot evaluate {{ printf }}");
    expect(gap.cause).toMatch(/cannot be rendered for pod shop\/batch-1 \(the console cannot evaluate/);
    expect(gap.command).toBeNull();
  });
});
