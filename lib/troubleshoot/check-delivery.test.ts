import { describe, expect, it } from "vitest";

import { csi, pod } from "../../test/support/troubleshoot-fixture";
import { checkDelivery } from "./check-delivery";

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
