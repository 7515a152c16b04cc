import { describe, expect, it } from "vitest";

import type { Entry } from "@/lib/spire/types";

import {
  changedFields,
  compactInput,
  emptyFormValues,
  type EntryFormValues,
  entryToInput,
  formValuesFromEntry,
  serverFieldErrors,
  toEntryInput,
  toTtlValue,
  ttlSeconds,
  validateForm,
} from "./form-values";

const td = "foo.example.com";
const server = `spiffe://${td}/spire/server`;
const agent = `spiffe://${td}/spire/agent/x509pop/abc`;
const ctx = { trustDomain: td, federatedTrustDomains: ["bar.example.com"], now: Date.parse("2026-01-01T00:00:00Z") };

const entry: Entry = {
  id: "e1",
  spiffeId: `spiffe://${td}/ns/web/sa/api`,
  parentId: agent,
  selectors: [
    { type: "k8s", value: "ns:web" },
    { type: "k8s", value: "sa:api" },
  ],
  x509SvidTtl: 7200,
  jwtSvidTtl: 90,
  federatesWith: ["bar.example.com"],
  dnsNames: ["api.web.example.com", "api"],
  admin: false,
  downstream: true,
  hint: "blue",
  storeSvid: false,
  expiresAt: "2030-06-01T08:30:00Z",
  createdAt: "2026-01-01T00:00:00Z",
  revisionNumber: 4,
  additionalAttributes: { disableX509SvidPrefetch: true, jwtSvidIncludeJti: false },
};

/** Valid form values to start each validation case from. */
const valid = (): EntryFormValues => ({
  ...emptyFormValues(td),
  path: "/web",
  parentId: agent,
  selectors: ["unix:uid:1000"],
});

describe("TTL amount and unit", () => {
  it("picks the largest unit that divides the seconds exactly", () => {
    expect(toTtlValue(0)).toEqual({ amount: "", unit: "h" });
    expect(toTtlValue(172_800)).toEqual({ amount: "2", unit: "d" });
    expect(toTtlValue(7200)).toEqual({ amount: "2", unit: "h" });
    expect(toTtlValue(5400)).toEqual({ amount: "90", unit: "m" });
    expect(toTtlValue(90)).toEqual({ amount: "90", unit: "s" });
  });

  it("turns amount and unit back into seconds; empty is the server default (0)", () => {
    expect(ttlSeconds({ amount: "2", unit: "h" })).toBe(7200);
    expect(ttlSeconds({ amount: "30", unit: "m" })).toBe(1800);
    expect(ttlSeconds({ amount: "1", unit: "d" })).toBe(86_400);
    expect(ttlSeconds({ amount: " ", unit: "d" })).toBe(0);
    for (const seconds of [1, 59, 60, 3600, 5400, 86_400, 2_147_483_647])
      expect(ttlSeconds(toTtlValue(seconds))).toBe(seconds);
  });
});

describe("form values and EntryInput", () => {
  it("round-trips an entry through the form unchanged", () => {
    const values = formValuesFromEntry(entry, td);
    expect(values).toMatchObject({
      path: "/ns/web/sa/api",
      node: false,
      selectors: ["k8s:ns:web", "k8s:sa:api"],
      x509Ttl: { amount: "2", unit: "h" },
      jwtTtl: { amount: "90", unit: "s" },
      dnsNames: "api.web.example.com, api",
      expiresAt: "2030-06-01T08:30",
    });
    expect(toEntryInput(values, td)).toEqual({ ...entryToInput(entry), expiresAt: "2030-06-01T08:30:00Z" });
    expect(changedFields(entryToInput(entry), toEntryInput(values, td))).toEqual({});
  });

  it("makes a node entry: the parent becomes the server, whatever was typed", () => {
    const values = { ...valid(), node: true, parentId: "spiffe://elsewhere/x" };
    expect(toEntryInput(values, td).parentId).toBe(server);
    const nodeEntry = formValuesFromEntry({ ...entry, parentId: server }, td);
    expect(nodeEntry.node).toBe(true);
    expect(emptyFormValues(td, { parentId: server }).node).toBe(true);
    expect(emptyFormValues(td, { parentId: agent }).node).toBe(false);
  });

  it("pre-fills from the URL: the path only when the SPIFFE ID is in this trust domain", () => {
    const prefilled = emptyFormValues(td, {
      parentId: agent,
      spiffeId: `spiffe://${td}/billing`,
      selectors: ["k8s:ns:billing", "k8s:sa:db"],
    });
    expect(prefilled).toMatchObject({ path: "/billing", parentId: agent, selectors: ["k8s:ns:billing", "k8s:sa:db"] });
    expect(emptyFormValues(td, { spiffeId: "spiffe://bar.example.com/billing" }).path).toBe("");
    expect(emptyFormValues(td).selectors).toEqual([""]);
  });

  it("reads DNS names split by spaces or commas, and skips empty selector rows", () => {
    const input = toEntryInput(
      { ...valid(), dnsNames: "a.example.com, b.example.com c", selectors: ["", " k8s:ns:x ", ""] },
      td,
    );
    expect(input.dnsNames).toEqual(["a.example.com", "b.example.com", "c"]);
    expect(input.selectors).toEqual([{ type: "k8s", value: "ns:x" }]);
  });

  it("sends only what changed on edit", () => {
    const values = { ...formValuesFromEntry(entry, td), x509Ttl: { amount: "30", unit: "m" as const }, admin: true };
    expect(changedFields(entryToInput(entry), toEntryInput(values, td))).toEqual({ x509SvidTtl: 1800, admin: true });
  });

  it("edits the SPIRE 1.15 additional attributes as one field", () => {
    const values = formValuesFromEntry(entry, td);
    expect(values).toMatchObject({ disableX509SvidPrefetch: true, jwtSvidIncludeJti: false });
    expect(changedFields(entryToInput(entry), toEntryInput({ ...values, jwtSvidIncludeJti: true }, td))).toEqual({
      additionalAttributes: { disableX509SvidPrefetch: true, jwtSvidIncludeJti: true },
    });
    expect(compactInput(toEntryInput({ ...valid(), jwtSvidIncludeJti: true }, td)).additionalAttributes).toEqual({
      disableX509SvidPrefetch: false,
      jwtSvidIncludeJti: true,
    });
  });

  it("leaves default-valued optional fields out of what create sends, but always the selectors", () => {
    expect(compactInput(toEntryInput({ ...valid(), selectors: [] }, td))).toEqual({
      spiffeId: `spiffe://${td}/web`,
      parentId: agent,
      selectors: [],
    });
  });
});

describe("validateForm", () => {
  it("accepts valid values", () => {
    expect(validateForm(valid(), td, ctx)).toEqual({});
  });

  it.each<[string, Partial<EntryFormValues>, string, string]>([
    ["a dot segment", { path: "/a/../b" }, "spiffeId", "Path segments must not be '.' or '..'"],
    [
      "an empty path",
      { path: "" },
      "spiffeId",
      "The SPIFFE ID needs a path after the trust domain, e.g. /ns/payments/sa/api",
    ],
    [
      "a reserved path",
      { path: "/spire/x" },
      "spiffeId",
      "Paths under /spire/ are reserved for SPIRE's own agents and servers",
    ],
    [
      "a parent in another trust domain",
      { parentId: "spiffe://bar.example.com/x" },
      "parentId",
      `The parent ID must be in this server's trust domain ${td}, not bar.example.com`,
    ],
    ["no selector", { selectors: [""] }, "selectors", "At least one selector is required"],
    [
      "a negative TTL",
      { x509Ttl: { amount: "-1", unit: "s" } },
      "x509SvidTtl",
      "X.509-SVID TTL must not be negative (0 means the server default)",
    ],
    ["a fractional TTL", { jwtTtl: { amount: "1.5", unit: "s" } }, "jwtSvidTtl", "JWT-SVID TTL must be whole seconds"],
    [
      "a bad DNS name",
      { dnsNames: "-bad.example.com" },
      "dnsNames",
      "DNS name '-bad.example.com': each label must be 1–63 letters, digits or '-', not starting or ending with '-'",
    ],
    [
      "a trust domain without a bundle",
      { federatesWith: ["baz.example.com"] },
      "federatesWith",
      "The server holds no bundle for baz.example.com, so SPIRE would reject the entry. It holds bundles for: bar.example.com.",
    ],
    ["an expiry in the past", { expiresAt: "2025-01-01T00:00" }, "expiresAt", "The entry expiry must be in the future"],
    [
      "store SVID with mixed selector types",
      { storeSvid: true, selectors: ["unix:uid:1", "k8s:ns:a"] },
      "storeSvid",
      "With storeSvid every selector must have the same type (SPIRE's rule for storable SVIDs)",
    ],
  ])("reports %s on its field", (_, change, field, message) => {
    expect(validateForm({ ...valid(), ...change }, td, ctx)).toEqual({ [field]: message });
  });

  it("names the selector row a problem is on, counting empty rows as the form shows them", () => {
    const errors = validateForm({ ...valid(), selectors: ["unix:uid:1", "", "nocolon", "unix:uid:1"] }, td, ctx);
    expect(errors).toEqual({
      "selectors.2": "Selector 'nocolon' must be type:value, e.g. unix:uid:1000 or k8s:ns:payments",
      "selectors.3": "Selector unix:uid:1 is listed twice",
    });
  });

  it("on edit judges only the fields that change", () => {
    const old = { ...valid(), path: "/spire/legacy" };
    expect(validateForm(old, td, ctx, { hint: "x" })).toEqual({});
    expect(validateForm(old, td, ctx, { hint: "x".repeat(1025) })).toEqual({
      hint: "Hint must be at most 1024 bytes (SPIRE's limit)",
    });
  });
});

describe("serverFieldErrors", () => {
  it("puts the server's issues on the form's fields, the first per field winning", () => {
    expect(
      serverFieldErrors([
        { path: "selectors.1.value", message: "bad value" },
        { path: "dnsNames.0", message: "bad name" },
        { path: "dnsNames.1", message: "second" },
        { path: "", message: "whole entry" },
      ]),
    ).toEqual({ "selectors.1": "bad value", dnsNames: "bad name", form: "whole entry" });
  });
});
