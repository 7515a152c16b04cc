import { describe, expect, it } from "vitest";

import type { DeclaredEntry, EntrySetDocument } from "@/lib/entries-as-code/types";

import { mergeDocuments } from "./merge-documents";

const entry = (path: string): DeclaredEntry => ({
  spiffeId: `spiffe://foo.example.com${path}`,
  parentId: "spiffe://foo.example.com/agent",
  selectors: [{ type: "unix", value: "uid:1000" }],
});

function doc(spec: Partial<EntrySetDocument["spec"]>): EntrySetDocument {
  return {
    apiVersion: "spire-console/v1",
    kind: "EntrySet",
    metadata: { name: "file" },
    spec: { owns: {}, prune: false, entries: [], ...spec },
  };
}

describe("mergeDocuments", () => {
  it("joins the entries of every file and the SPIFFE-ID prefixes they own", () => {
    const merged = mergeDocuments("team-a", "foo", [
      {
        name: "a.yaml",
        document: doc({ owns: { spiffeIdPrefixes: ["spiffe://foo.example.com/a/"] }, entries: [entry("/a/1")] }),
      },
      {
        name: "b.yaml",
        document: doc({ owns: { spiffeIdPrefixes: ["spiffe://foo.example.com/b/"] }, entries: [entry("/b/1")] }),
      },
    ]);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.document.metadata.name).toBe("team-a");
    expect(merged.document.spec.server).toBe("foo");
    expect(merged.document.spec.entries.map((e) => e.spiffeId)).toEqual([
      "spiffe://foo.example.com/a/1",
      "spiffe://foo.example.com/b/1",
    ]);
    expect(merged.document.spec.owns.spiffeIdPrefixes).toEqual([
      "spiffe://foo.example.com/a/",
      "spiffe://foo.example.com/b/",
    ]);
  });

  it.each([
    [[], "holds no .yaml, .yml or .json document"],
    [[{ name: "x.yaml", document: doc({ server: "bar" }) }], "x.yaml is for server 'bar', but the set watches 'foo'"],
    [
      [
        { name: "a.yaml", document: doc({ prune: true }) },
        { name: "b.yaml", document: doc({ prune: false }) },
      ],
      "disagree on prune",
    ],
    [
      [
        { name: "a.yaml", document: doc({ owns: { entryIdPrefix: "a-" } }) },
        { name: "b.yaml", document: doc({ owns: { entryIdPrefix: "b-" } }) },
      ],
      "different entry-ID prefixes (a-, b-)",
    ],
  ])("refuses files that do not agree (%#)", (documents, message) => {
    const merged = mergeDocuments("team-a", "foo", documents);
    expect(merged.ok).toBe(false);
    expect(merged.ok ? "" : merged.message).toContain(message);
  });
});
