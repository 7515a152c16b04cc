import { describe, expect, it } from "vitest";

import { controllerManagedReasons } from "./controller-managed";

const uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";
const psatAgent = "spiffe://td/spire/agent/k8s_psat/demo/node-uid";
const idReason = `Its ID cluster1.${uuid} has the '<prefix>.<uuid>' form spire-controller-manager gives its entries.`;
const podReason =
  "It is parented to a k8s_psat agent and selects one pod by k8s:pod-uid, as spire-controller-manager does.";

describe("controllerManagedReasons", () => {
  it("spots the prefix.uuid ID and names it", () => {
    expect(controllerManagedReasons({ id: `cluster1.${uuid}`, parentId: "spiffe://td/x", selectors: [] })).toEqual([
      idReason,
    ]);
  });

  it("spots a pod-uid selector under a k8s_psat agent", () => {
    expect(
      controllerManagedReasons({ id: uuid, parentId: psatAgent, selectors: [{ type: "k8s", value: "pod-uid:1234" }] }),
    ).toEqual([podReason]);
  });

  it("gives both reasons, ID first, when both apply", () => {
    expect(
      controllerManagedReasons({
        id: `cluster1.${uuid}`,
        parentId: psatAgent,
        selectors: [{ type: "k8s", value: "pod-uid:1234" }],
      }),
    ).toEqual([idReason, podReason]);
  });

  it("leaves hand-made entries alone", () => {
    expect(
      controllerManagedReasons({
        id: uuid,
        parentId: "spiffe://td/spire/agent/k8s_psat/demo/n",
        selectors: [{ type: "k8s", value: "ns:a" }],
      }),
    ).toEqual([]);
    // A pod-uid selector alone (not under a k8s_psat agent) is not the controller's shape.
    expect(
      controllerManagedReasons({
        id: uuid,
        parentId: "spiffe://td/spire/agent/x509pop/n",
        selectors: [{ type: "k8s", value: "pod-uid:1234" }],
      }),
    ).toEqual([]);
  });
});
