import { describe, expect, it } from "vitest";

import type { Entry } from "@/lib/spire/types";

import { entryWith } from "../entry-fixture";
import { searchEntries } from "./search-entries";

const td = "spiffe://foo.example.com";
const entry = (id: string, path: string, extra: Partial<Entry> = {}): Entry =>
  entryWith({ id, spiffeId: `${td}${path}`, parentId: `${td}/spire/agent/x509pop/abc123`, ...extra });

const entries = [
  entry("e1", "/billing/worker", { selectors: [{ type: "unix", value: "user:billing" }] }),
  entry("e2", "/billing/db-migrator", { hint: "migration-job" }),
  entry("e3", "/payments/api", { selectors: [{ type: "k8s", value: "ns:payments" }], dnsNames: ["api.pay.svc"] }),
  entry("e4", "/ops/billing-report"),
  entry("e5", "/checkout/web", { hint: "canary" }),
];
const all = { offset: 0, limit: 50 };

describe("searchEntries", () => {
  it("finds entries by part of a SPIFFE ID, case ignored, segment starts first", () => {
    const found = searchEntries(entries, "BILLING", all);
    expect(found.total).toBe(3);
    expect(found.hits.map((h) => h.entry.id)).toEqual(["e1", "e4", "e2"]); // equal scores: the shorter ID first
    expect(found.hits[0]!.field).toBe("spiffeId");
  });

  it("finds by selector value, hint and entry ID, naming the field that matched", () => {
    expect(searchEntries(entries, "ns:payments", all).hits.map((h) => [h.entry.id, h.field])).toEqual([
      ["e3", "selector"],
    ]);
    expect(searchEntries(entries, "canary", all).hits.map((h) => [h.entry.id, h.field, h.match])).toEqual([
      ["e5", "hint", "canary"],
    ]);
    expect(searchEntries(entries, "e3", all).hits[0]?.field).toBe("entryId");
  });

  it("needs every word to match and ranks a whole-ID tail above a match inside a word", () => {
    expect(searchEntries(entries, "billing job", all).hits.map((h) => h.entry.id)).toEqual(["e2"]);
    const ranked = searchEntries([entry("a", "/x/apiworker"), entry("b", "/x/api")], "api", all);
    expect(ranked.hits.map((h) => h.entry.id)).toEqual(["b", "a"]);
  });

  it("pages through the ranked results", () => {
    const first = searchEntries(entries, "billing", { offset: 0, limit: 2 });
    expect(first.hits).toHaveLength(2);
    expect(first.nextOffset).toBe(2);
    const second = searchEntries(entries, "billing", { offset: 2, limit: 2 });
    expect(second.hits.map((h) => h.entry.id)).toEqual(["e2"]);
    expect(second.nextOffset).toBeNull();
  });

  it("finds nothing for an empty query or no match", () => {
    expect(searchEntries(entries, "   ", all)).toEqual({ hits: [], total: 0, nextOffset: null });
    expect(searchEntries(entries, "zzz", all).total).toBe(0);
  });
});
