import { describe, expect, it } from "vitest";

import { grpcCodeName, k8sOperation } from "./call-labels";

describe("grpcCodeName", () => {
  it("names the status codes", () => {
    expect(grpcCodeName(0)).toBe("OK");
    expect(grpcCodeName(7)).toBe("PERMISSION_DENIED");
    expect(grpcCodeName(14)).toBe("UNAVAILABLE");
    expect(grpcCodeName(16)).toBe("UNAUTHENTICATED");
  });

  it("folds anything else into UNKNOWN", () => {
    expect(grpcCodeName(99)).toBe("UNKNOWN");
    expect(grpcCodeName(undefined)).toBe("UNKNOWN");
  });
});

describe("k8sOperation", () => {
  it("keeps the verb and kind, drops namespaces and names", () => {
    expect(k8sOperation("list pods in spire")).toBe("list pods");
    expect(k8sOperation("read statefulset spire/spire-server")).toBe("read statefulset");
    expect(k8sOperation("read csidriver csi.spiffe.io")).toBe("read csidriver");
    expect(k8sOperation("read the log of spire/spire-server-0")).toBe("read pods/log");
    expect(k8sOperation("list nodes")).toBe("list nodes");
  });
});
