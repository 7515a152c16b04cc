import { describe, expect, it } from "vitest";

import { toAgentFilter, toEntryFilter, toSpireTime } from "./filters";

describe("toSpireTime", () => {
  it("uses the exact Go layout SPIRE parses (anything else is silently ignored by SPIRE)", () => {
    expect(toSpireTime("2026-11-22T18:04:05.123Z")).toBe("2026-11-22 18:04:05 +0000 +00");
    expect(toSpireTime("2026-11-22T20:04:05+02:00")).toBe("2026-11-22 18:04:05 +0000 +00");
  });
});

describe("toEntryFilter", () => {
  it("maps IDs, selectors and match modes to SPIRE's filter", () => {
    expect(
      toEntryFilter({
        parentId: "spiffe://foo.example.com/spire/agent/x509pop/abc",
        selectors: [{ type: "k8s", value: "ns:payments" }],
        match: "exact",
        federatesWith: ["bar.example.com"],
        hint: "",
      }),
    ).toEqual({
      byParentId: { trustDomain: "foo.example.com", path: "/spire/agent/x509pop/abc" },
      bySelectors: { selectors: [{ type: "k8s", value: "ns:payments" }], match: "MATCH_EXACT" },
      byFederatesWith: { trustDomains: ["bar.example.com"], match: "MATCH_SUPERSET" },
      byHint: { value: "" },
    });
  });

  it("sends no filter when none is asked for", () => {
    expect(toEntryFilter({})).toEqual({});
  });
});

describe("toAgentFilter", () => {
  it("wraps booleans and formats the expiry bound", () => {
    expect(
      toAgentFilter({
        banned: false,
        canReattest: true,
        expiresBefore: "2026-12-01T00:00:00Z",
        attestationType: "join_token",
      }),
    ).toEqual({
      byAttestationType: "join_token",
      byBanned: { value: false },
      byCanReattest: { value: true },
      byExpiresBefore: "2026-12-01 00:00:00 +0000 +00",
    });
  });
});
