import { describe, expect, it } from "vitest";

import { scoreText } from "@/lib/listing/rank-text";

import { makeRandom } from "../../../test/support/generate-entries";
import { StringTable } from "./string-table";

describe("StringTable", () => {
  const random = makeRandom(3);
  const texts = Array.from({ length: 10_000 }, (_, i) =>
    i % 97 === 0 ? `Straße-İD-${i}` : `spiffe://t.org/${["Web", "db", "api"][i % 3]}/w-${Math.floor(random() * 5e3)}`,
  );
  const table = new StringTable();
  const ids = texts.map((t) => table.intern(t));

  it("gives each distinct text one id, across blocks of 4,096, and reads it back", () => {
    const distinct = new Set(texts);
    expect(table.size).toBe(distinct.size + 1);
    texts.forEach((text, i) => {
      expect(table.text(ids[i]!)).toBe(text);
      expect(table.lengthOf(ids[i]!)).toBe(text.length);
      expect(table.find(text)).toBe(ids[i]);
      expect(table.intern(text)).toBe(ids[i]);
    });
    expect(table.find("spiffe://t.org/nope")).toBe(-1);
    expect(table.text(0)).toBe("");
  });

  it("finds every text containing a term, any case, each once, in id order, scored like scoreText", () => {
    for (const term of [
      "w-12",
      "web/w-4",
      "/",
      "straße",
      "i̇d",
      "api/w-4999",
      "zzz",
      "spiffe://t.org/db/w-17",
      "t.org",
    ]) {
      const found: [number, number][] = [];
      table.scan(term, (id, factor) => found.push([id, factor]));
      const expected = [...Array(table.size).keys()]
        .filter((id) => table.text(id).toLowerCase().includes(term))
        .map((id) => [id, scoreText(table.text(id), term, 1)]);
      expect(found, term).toEqual(expected);
    }
  });

  it("lists every text in id order", () => {
    expect(table.allTexts()).toEqual([...Array(table.size).keys()].map((id) => table.text(id)));
  });

  it("is restored from its exported blocks with the same ids", () => {
    const restored = StringTable.restore(table.exportBlocks(), table.size);
    expect(restored.size).toBe(table.size);
    texts.forEach((text, i) => expect(restored.find(text)).toBe(ids[i]));
    expect(restored.intern("a text it never held")).toBe(table.size);
    expect(() => StringTable.restore(table.exportBlocks(), table.size + 1)).toThrow(/holds/);
  });
});
