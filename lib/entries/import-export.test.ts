import { describe, expect, it } from "vitest";

import { entryInputSchema } from "@/lib/schemas/entry-input";
import type { Entry } from "@/lib/spire/types";

import { parseEntryImport, toSpireDataFile } from "./import-export";

const entry: Entry = {
  id: "e1",
  spiffeId: "spiffe://foo.example.com/a",
  parentId: "spiffe://foo.example.com/spire/server",
  selectors: [{ type: "unix", value: "uid:1" }],
  x509SvidTtl: 60,
  jwtSvidTtl: 0,
  federatesWith: ["bar.example.com"],
  dnsNames: ["a.example.com"],
  admin: true,
  downstream: false,
  hint: "h",
  storeSvid: false,
  expiresAt: "2030-01-01T00:00:00.000Z",
  createdAt: "2026-01-01T00:00:00.000Z",
  revisionNumber: 3,
  additionalAttributes: { disableX509SvidPrefetch: false, jwtSvidIncludeJti: true },
};

describe("entry import/export", () => {
  it("round-trips an export through the -data reader", () => {
    const parsed = parseEntryImport(toSpireDataFile([entry]));
    expect(parsed).toMatchObject({ format: "spire-data" });
    if ("error" in parsed) throw new Error(parsed.error);
    const input = entryInputSchema().parse(parsed.rows[0]!.input);
    expect(input).toEqual({
      spiffeId: entry.spiffeId,
      parentId: entry.parentId,
      selectors: entry.selectors,
      x509SvidTtl: 60,
      federatesWith: ["bar.example.com"],
      dnsNames: ["a.example.com"],
      admin: true,
      hint: "h",
      expiresAt: entry.expiresAt,
      additionalAttributes: { jwtSvidIncludeJti: true },
    });
  });

  it("writes additional_attributes as `entry create -data` reads them, only when a flag is set", () => {
    const file = JSON.parse(toSpireDataFile([entry, { ...entry, additionalAttributes: undefined }])) as {
      entries: Record<string, unknown>[];
    };
    expect(file.entries[0]!.additional_attributes).toEqual({ jwt_svid_include_jti: true });
    expect(file.entries[1]).not.toHaveProperty("additional_attributes");
  });

  it("reads SPIRE's own fixture shape and flags what it cannot carry", () => {
    const parsed = parseEntryImport(
      JSON.stringify({
        entries: [
          {
            spiffe_id: "spiffe://e.org/b",
            parent_id: "spiffe://e.org/p",
            selectors: [{ type: "unix", value: "uid:1" }],
            Admin: true,
            additional_attributes: { Disable_X509_SVID_Prefetch: true },
            store_svid_path: "x",
          },
        ],
      }),
    );
    if ("error" in parsed) throw new Error(parsed.error);
    expect(parsed.rows[0]!.input).toMatchObject({
      spiffeId: "spiffe://e.org/b",
      admin: true,
      additionalAttributes: { disableX509SvidPrefetch: true },
    });
    expect(parsed.rows[0]!.problems).toEqual(["Unknown field 'store_svid_path'"]);
  });

  it("reads the console shape, dropping server-set fields", () => {
    const parsed = parseEntryImport(JSON.stringify([entry]));
    if ("error" in parsed) throw new Error(parsed.error);
    expect(parsed.format).toBe("console");
    expect(parsed.rows[0]!.input).not.toHaveProperty("id");
    expect(entryInputSchema().safeParse(parsed.rows[0]!.input).success).toBe(true);
  });

  it.each(["not json", "{}", "[]", "42"])("explains why %j is not an import", (text) => {
    expect(parseEntryImport(text)).toHaveProperty("error");
  });
});
