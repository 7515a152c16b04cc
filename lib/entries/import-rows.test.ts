import { describe, expect, it } from "vitest";

import { previewImport } from "./import-rows";

const td = "foo.example.com";
const ctx = { trustDomain: td, federatedTrustDomains: ["bar.example.com"] };
const good = {
  spiffeId: `spiffe://${td}/web`,
  parentId: `spiffe://${td}/node/fleet`,
  selectors: [{ type: "k8s", value: "ns:web" }],
};

describe("previewImport", () => {
  it("marks every row valid or lists its problems as 'field: message', in file order", () => {
    const preview = previewImport(
      JSON.stringify({
        entries: [
          good,
          { ...good, spiffeId: "spiffe://bar.example.com/web" },
          { ...good, selectors: [] },
          { ...good, federatesWith: ["baz.example.com"] },
        ],
      }),
      ctx,
    );
    if ("error" in preview) throw new Error(preview.error);
    expect(preview.format).toBe("console");
    expect(preview.rows.map((r) => [r.index, r.valid])).toEqual([
      [0, true],
      [1, false],
      [2, false],
      [3, false],
    ]);
    expect(preview.rows[0]!.problems).toEqual([]);
    expect(preview.rows[1]!.problems).toEqual([
      `spiffeId: The SPIFFE ID must be in this server's trust domain ${td}, not bar.example.com`,
    ]);
    expect(preview.rows[2]!.problems).toEqual(["selectors: At least one selector is required"]);
    expect(preview.rows[3]!.problems).toEqual([
      "federatesWith.0: The server holds no bundle for baz.example.com, so SPIRE would reject the entry. " +
        "It holds bundles for: bar.example.com.",
    ]);
  });

  it("keeps the file's own problems before the schema's", () => {
    const preview = previewImport(
      JSON.stringify({ entries: [{ spiffe_id: `spiffe://${td}/a`, parent_id: good.parentId, colour: "red" }] }),
      ctx,
    );
    if ("error" in preview) throw new Error(preview.error);
    expect(preview.format).toBe("spire-data");
    expect(preview.rows[0]!.valid).toBe(false);
    expect(preview.rows[0]!.problems[0]).toBe("Unknown field 'colour'");
    expect(preview.rows[0]!.problems).toContain("selectors: selectors must be a list of { type, value }");
  });

  it("skips the trust-domain and bundle checks the context does not know", () => {
    const preview = previewImport(
      JSON.stringify([{ ...good, spiffeId: "spiffe://other.org/x", federatesWith: ["baz.example.com"] }]),
      {},
    );
    if ("error" in preview) throw new Error(preview.error);
    expect(preview.rows[0]).toMatchObject({ valid: true, problems: [] });
  });

  it("answers an error for a file that is not an import", () => {
    expect(previewImport("{", ctx)).toMatchObject({ error: expect.stringMatching(/^The file is not valid JSON/) });
    expect(previewImport("[]", ctx)).toEqual({ error: "The file contains no entries." });
    expect(previewImport('{"rows": []}', ctx)).toEqual({
      error: 'Expected { "entries": [...] }, a list of entries, or one entry.',
    });
  });
});
