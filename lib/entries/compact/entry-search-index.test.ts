import { describe, expect, it } from "vitest";

import type { Entry } from "@/lib/spire/types";
import { searchEntries } from "@/test/support/reference-index/search-entries";

import { generateEntries, makeRandom } from "../../../test/support/generate-entries";
import { CompactEntryIndex } from "./compact-index";
import { EntrySearchIndex } from "./entry-search-index";
import { NgramPostings } from "./ngram-postings";
import { searchCompactEntries } from "./search-compact";
import { StringTable } from "./string-table";

const now = Date.parse("2026-01-01T00:00:00Z");

function build(trustDomain: string, entries: readonly Entry[]) {
  const index = new CompactEntryIndex(trustDomain, now, 8);
  for (let i = 0; i < entries.length; i += 500) index.addEntries(entries.slice(i, i + 500));
  index.seal();
  return index;
}

/** Every searchable text of an entry, as a user might copy part of it. */
const textsOf = (e: Entry) => [
  e.spiffeId,
  e.parentId,
  e.id,
  e.hint,
  ...e.dnsNames,
  ...e.selectors.map((s) => `${s.type}:${s.value}`),
];

/** Queries cut from the entries' own texts (any length, any case, one to three terms), plus misses. */
function queriesFrom(entries: readonly Entry[], seed: number, count: number): string[] {
  const random = makeRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const cut = () => {
    const text = pick(textsOf(pick(entries)).filter(Boolean));
    const from = Math.floor(random() * text.length);
    const part = text.slice(from, from + 1 + Math.floor(random() * 14));
    return random() < 0.3 ? part.toUpperCase() : part;
  };
  const out = ["spiffe", "gen.test", "zzzq", "-4", "uid:1", "node-1 ca:fleet", "svc", "BILLING api"];
  for (let i = 0; i < count; i++) out.push(Array.from({ length: 1 + Math.floor(random() * 3) }, cut).join(" "));
  return out;
}

function expectSameAsScan(index: CompactEntryIndex, entries: readonly Entry[], queries: readonly string[]) {
  for (const q of queries) {
    for (const page of [
      { offset: 0, limit: 20 },
      { offset: 7, limit: 50 },
    ]) {
      expect(searchCompactEntries(index, q, page), q).toEqual(searchEntries(entries, q, page));
    }
  }
}

// Each case compares many queries with the plain scan: give them room on a busy machine.
const SLOW = { timeout: 60_000 };

describe("the trigram search index", () => {
  it("finds every text holding a term among its candidates", () => {
    const random = makeRandom(3);
    const table = new StringTable();
    const alphabet = "abcdef0123-/:.Xy";
    for (let i = 0; i < 3000; i++)
      table.intern(
        Array.from({ length: 3 + Math.floor(random() * 20) }, () => alphabet[Math.floor(random() * 16)]).join(""),
      );
    const postings = NgramPostings.build(table.size, (each) => table.eachLower(0, table.size, each));
    for (let k = 0; k < 300; k++) {
      const source = table.text(1 + Math.floor(random() * (table.size - 1))).toLowerCase();
      const from = Math.floor(random() * (source.length - 2));
      const term = source.slice(from, from + 3 + Math.floor(random() * 5));
      const holding: number[] = [];
      table.scan(term, (id) => holding.push(id));
      const candidates = postings.candidates(term);
      if (candidates === null) continue;
      expect(
        holding.every((id) => candidates.includes(id)),
        term,
      ).toBe(true);
      expect(EntrySearchIndex.match(table, postings, term).ids).toEqual(holding);
    }
  });

  it.each([1, 2])(
    "answers as the plain scan does: same hits, scores, fields and order (seed %i)",
    (seed) => {
      const { trustDomain, entries } = generateEntries(seed, 1200);
      const index = build(trustDomain, entries);
      expectSameAsScan(index, entries, queriesFrom(entries, seed, 60));
    },
    SLOW.timeout,
  );

  it("scores only the candidates of the rarest term, not every entry", () => {
    const { trustDomain, entries } = generateEntries(4, 3000);
    const index = build(trustDomain, entries);
    const target = entries[1234]!;
    const result = searchCompactEntries(index, `${target.id.slice(-6)} ${target.spiffeId.split("/").at(-1)}`, {
      offset: 0,
      limit: 5,
    });
    expect(result.hits[0]?.entry.id).toBe(target.id);
    const search = index.searchIndex();
    const c = index.columns;
    const term = target.id.slice(-6).toLowerCase();
    const matches = {
      nodes: EntrySearchIndex.match(c.nodes, search.nodes, term),
      texts: EntrySearchIndex.match(c.texts, search.texts, term),
      ids: EntrySearchIndex.match(c.idTexts, search.ids, term),
    };
    expect(search.candidateCount(matches.nodes, matches.texts, matches.ids)).toBeLessThan(30);
  });

  it("stays equal to the plain scan through creates, edits and deletes patched in", SLOW, () => {
    const { trustDomain, entries: initial } = generateEntries(9, 2000);
    const index = build(trustDomain, initial);
    index.searchIndex();
    const random = makeRandom(21);
    let entries = [...initial];
    const pick = () => entries[Math.floor(random() * entries.length)]!;
    for (let step = 0; step < 120; step++) {
      const roll = random();
      if (roll < 0.4) {
        const parent = pick();
        const created: Entry = {
          ...parent,
          id: `fresh-${step}-qx`,
          spiffeId: `${parent.spiffeId}/novel-${step}`,
          parentId: parent.spiffeId,
          selectors: [{ type: "k8s", value: `pod-label:tier-${step}` }],
          dnsNames: random() < 0.5 ? [`novel-${step}.svc.example`] : [],
          hint: random() < 0.5 ? `hint-${step}` : "",
        };
        entries.push(created);
        index.applyChange({ upserts: [created], deletes: [] });
      } else if (roll < 0.75) {
        const at = Math.floor(random() * entries.length);
        const old = entries[at]!;
        const edited: Entry = {
          ...old,
          spiffeId: random() < 0.5 ? `${old.spiffeId}-renamed-${step}` : old.spiffeId,
          selectors: [...old.selectors.slice(1), { type: "unix", value: `gid:${step}77` }],
          hint: random() < 0.5 ? "" : `edited-${step}`,
          dnsNames: [],
        };
        entries[at] = edited;
        index.applyChange({ upserts: [edited], deletes: [] });
      } else {
        const victim = pick();
        entries = entries.filter((e) => e.id !== victim.id);
        index.applyChange({ upserts: [], deletes: [victim.id] });
      }
      if (step % 40 === 39) {
        const queries = queriesFrom(entries, step, 40);
        queries.push("novel", "tier-1", "renamed", "gid:1", "fresh-", "edited-3", `hint-${step - 1}`);
        expectSameAsScan(index, entries, queries);
      }
    }
    // A fresh build over the same entries answers the same.
    expectSameAsScan(build(trustDomain, entries), entries, ["novel", "renamed 1", "gid:2", "qx"]);
  });
});
