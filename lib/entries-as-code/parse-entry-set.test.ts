import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { canonicalEntry } from "./declared-entry";
import { entrySetJsonSchema } from "./entry-set-schema";
import { formatGoDuration, parseGoDuration } from "./go-duration";
import { parseEntrySet, serializeEntrySet } from "./parse-entry-set";
import type { DeclaredEntry, EntrySetDocument, EntrySetFormat } from "./types";

const td = "spiffe://example.org";
const full: DeclaredEntry = {
  id: "team-a.api",
  spiffeId: `${td}/ns/a/sa/api`,
  parentId: `${td}/spire/agent/k8s_psat/c1/node-1`,
  selectors: [
    { type: "k8s", value: "ns:a" },
    { type: "k8s", value: "sa:api" },
  ],
  x509SvidTtl: 5400,
  jwtSvidTtl: 300,
  federatesWith: ["partner.test"],
  dnsNames: ["api.a.svc", "api"],
  admin: true,
  downstream: true,
  hint: "external",
  expiresAt: "2031-01-02T03:04:05.000Z",
  additionalAttributes: { disableX509SvidPrefetch: true, jwtSvidIncludeJti: true },
};
const stored: DeclaredEntry = {
  spiffeId: `${td}/db`,
  parentId: `${td}/spire/agent/x509pop/host`,
  selectors: [{ type: "unix", value: "uid:1000" }],
  storeSvid: true,
};
const document: EntrySetDocument = {
  apiVersion: "spire-console/v1",
  kind: "EntrySet",
  metadata: { name: "team-a" },
  spec: { server: "main", owns: { spiffeIdPrefixes: [`${td}/ns/a/`] }, prune: true, entries: [full, stored] },
};

const formats: EntrySetFormat[] = ["console", "spire-data", "cluster-static-entry"];

describe("parseEntrySet and serializeEntrySet", () => {
  it.each(formats)("round-trips every field through the %s format", (format) => {
    const text = serializeEntrySet(document, format);
    const parsed = parseEntrySet(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.format).toBe(format);
    const entries = parsed.document.spec.entries;
    expect(entries.map((e) => e.id)).toEqual([full.id, undefined]);
    expect(entries.map(canonicalEntry)).toEqual([full, stored].map(canonicalEntry));
  });

  it("keeps the scope, server and prune of the console format, in JSON too", () => {
    const parsed = parseEntrySet(serializeEntrySet(document, "console", "json"));
    expect(parsed.ok && parsed.document.spec).toMatchObject({ server: "main", prune: true, owns: document.spec.owns });
  });

  it("writes ClusterStaticEntry documents the controller reads: string selectors, Go durations", () => {
    const text = serializeEntrySet(document, "cluster-static-entry");
    expect(text.split("---\n")).toHaveLength(2);
    expect(text).toContain("apiVersion: spire.spiffe.io/v1alpha1");
    expect(text).toContain("- k8s:ns:a");
    expect(text).toContain("x509SVIDTTL: 1h30m0s");
    expect(text).toContain("spire-console/entry-id: team-a.api");
  });

  it("writes -data JSON with snake_case keys and the entry ID", () => {
    const json = JSON.parse(serializeEntrySet(document, "spire-data")) as { entries: Record<string, unknown>[] };
    expect(json.entries[0]).toMatchObject({ entry_id: "team-a.api", spiffe_id: full.spiffeId, x509_svid_ttl: 5400 });
    expect(json.entries[0]!.federates_with).toEqual(["spiffe://partner.test"]);
  });

  it("names the field of an invalid entry", () => {
    const bad = serializeEntrySet(
      { ...document, spec: { ...document.spec, entries: [{ ...full, selectors: [] }] } },
      "console",
    );
    const parsed = parseEntrySet(bad);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.details[0]?.path).toBe("spec.entries.0.selectors");
  });

  it("refuses unknown kinds, bad YAML, bad JSON and a bad ClusterStaticEntry duration", () => {
    expect(parseEntrySet("kind: Pod\n")).toMatchObject({ ok: false, format: null });
    expect(parseEntrySet("{ nope")).toMatchObject({ ok: false, message: expect.stringContaining("not valid JSON") });
    expect(parseEntrySet("")).toMatchObject({ ok: false, message: "The file is empty." });
    const cse = serializeEntrySet(document, "cluster-static-entry").replace("1h30m0s", "soon");
    expect(parseEntrySet(cse)).toMatchObject({ ok: false, format: "cluster-static-entry" });
    expect(parseEntrySet('{"entries":[{"spiffe_id":"spiffe://x/y","bogus":1}]}')).toMatchObject({ ok: false });
  });
});

describe("Go durations", () => {
  it("formats and parses as time.Duration does", () => {
    expect([0, 59, 90, 3600, 5400].map(formatGoDuration)).toEqual(["0s", "59s", "1m30s", "1h0m0s", "1h30m0s"]);
    expect(["1h", "1h30m", "90s", "0", "1.5h", "2m0.5s"].map(parseGoDuration)).toEqual([3600, 5400, 90, 0, 5400, 121]);
    expect(parseGoDuration("1 hour")).toBeNull();
  });
});

describe("the published JSON Schema", () => {
  it("is current (regenerate: scripts/entries-as-code/write-schema.ts)", () => {
    const file = path.join(import.meta.dirname, "../../docs/entry-set.schema.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(entrySetJsonSchema());
  });
});
