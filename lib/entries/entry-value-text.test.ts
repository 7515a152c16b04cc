import { describe, expect, it } from "vitest";

import { entryFieldLabel, entryValueText } from "./entry-value-text";

describe("entryValueText", () => {
  it.each<[string, unknown, string]>([
    ["x509SvidTtl", 0, "server default"],
    ["x509SvidTtl", 5400, "1h 30m"],
    ["jwtSvidTtl", 900, "15m"],
    ["expiresAt", null, "never"],
    ["admin", true, "on"],
    ["selectors", [{ type: "k8s", value: "ns:a" }], "k8s:ns:a"],
    ["dnsNames", [], "none"],
    ["hint", "", "none"],
    ["spiffeId", "spiffe://td/a", "spiffe://td/a"],
  ])("%s %j reads '%s'", (field, value, text) => {
    expect(entryValueText(field, value)).toBe(text);
  });

  it("labels fields as the form does", () => {
    expect(entryFieldLabel("x509SvidTtl")).toBe("X.509-SVID TTL");
    expect(entryFieldLabel("revisionNumber")).toBe("revisionNumber");
  });
});
