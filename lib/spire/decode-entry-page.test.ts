import { describe, expect, it } from "vitest";

import { generateEntries } from "../../test/support/generate-entries";
import { decodeListEntries, listEntriesBytes, toPbEntry } from "../../test/support/list-entries-bytes";
import { decodeEntryPage, entryPageToken, forEachEntryOfPage } from "./decode-entry-page";
import { toEntry } from "./mappers";
import type { PbEntry } from "./proto-types";
import type { Entry } from "./types";

/** An entry as SPIRE sends it (selectors in storage order), with some edge values. */
function toPb(entry: Entry, i: number): Record<string, unknown> {
  return toPbEntry(entry, {
    selectors: [...entry.selectors].reverse(),
    x509SvidTtl: i % 11 === 0 ? -5 : entry.x509SvidTtl,
    jwtSvidTtl: i % 13 === 0 ? 2147483647 : entry.jwtSvidTtl,
    hint: i % 17 === 0 ? "ünïcode ✓" : entry.hint,
    storeSvid: i % 5 === 0,
    revisionNumber: String(i * 1000003),
    additionalAttributes: i % 3 === 0 ? null : entry.additionalAttributes,
  });
}

describe("decodeEntryPage", () => {
  it("gives what protobufjs and toEntry give for the same ListEntries bytes", () => {
    const { entries } = generateEntries(8, 700);
    const bytes = listEntriesBytes(entries.map(toPb), "next-page-42");
    const want = (decodeListEntries(bytes).entries as PbEntry[]).map(toEntry);
    const got = decodeEntryPage(bytes);
    expect(got.nextPageToken).toBe("next-page-42");
    expect(got.entries).toEqual(want);
    expect(got.entries.some((e) => e.x509SvidTtl === -5)).toBe(true);
    expect(entryPageToken(bytes)).toBe("next-page-42");
    const streamed: Entry[] = [];
    expect(forEachEntryOfPage(bytes, (entry) => streamed.push(entry))).toBe(want.length);
    expect(streamed).toEqual(want);
  });

  it("reads an empty last page", () => {
    const bytes = listEntriesBytes([], "");
    expect(decodeEntryPage(bytes)).toEqual({ entries: [], nextPageToken: "" });
    expect(entryPageToken(bytes)).toBe("");
  });

  it("refuses bytes that end inside a message", () => {
    const bytes = listEntriesBytes([toPbEntry(generateEntries(1, 1).entries[0]!)], "");
    expect(() => decodeEntryPage(bytes.subarray(0, bytes.length - 3))).toThrow(/ends inside/);
  });
});
