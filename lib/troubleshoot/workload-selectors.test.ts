import { describe, expect, it } from "vitest";

import { selectorKey } from "@/lib/entries/match-selectors";

import { pod } from "../../test/support/troubleshoot-fixture";
import { containerSelectors, podSelectors } from "./workload-selectors";

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
