import { describe, expect, it } from "vitest";

import { controllerManagedReasons } from "./controller-managed";

describe("controllerManagedReasons", () => {
  it("spots the prefix.uuid ID and the psat pod-uid shape", () => {
    expect(
      controllerManagedReasons({
        id: "cluster1.0f8fad5b-d9cb-469f-a165-70867728950e",
        parentId: "spiffe://td/x",
        selectors: [],
      }),
    ).toHaveLength(1);
    const podEntry = {
      id: "0f8fad5b-d9cb-469f-a165-70867728950e",
      parentId: "spiffe://td/spire/agent/k8s_psat/demo/node-uid",
      selectors: [{ type: "k8s", value: "pod-uid:1234" }],
    };
    expect(controllerManagedReasons(podEntry)).toHaveLength(1);
  });

  it("leaves hand-made entries alone", () => {
    expect(
      controllerManagedReasons({
        id: "0f8fad5b-d9cb-469f-a165-70867728950e",
        parentId: "spiffe://td/spire/agent/k8s_psat/demo/n",
        selectors: [{ type: "k8s", value: "ns:a" }],
      }),
    ).toEqual([]);
  });
});
