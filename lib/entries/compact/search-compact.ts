import type { EntryMatchField, EntrySearchHit, EntrySearchPage } from "@/lib/entries/tree-types";
import { searchTerms } from "@/lib/listing/rank-text";

import type { CompactEntryIndex } from "./compact-index";
import { EntrySearchIndex, type TermMatches } from "./entry-search-index";
import type { NgramPostings } from "./ngram-postings";
import { SearchScratch } from "./search-scratch";
import { selectTop } from "./select-top";
import type { StringTable } from "./string-table";

/** What one search term matches in each string table. */
type TermTableMatches = { nodes: TermMatches; texts: TermMatches; ids: TermMatches };

/** The arrays of `searchCompactEntries`, kept from one search to the next (one search runs at a time: no awaits). */
const scratch = new SearchScratch();

const FIELDS: EntryMatchField[] = ["spiffeId", "entryId", "selector", "hint", "dnsName", "parentId"];
const [SPIFFE, ENTRY_ID, SELECTOR, HINT, DNS, PARENT] = [0, 1, 2, 3, 4, 5];

/**
 * Scores entries the way `searchEntries` does (every term must match some field; per term the
 * best field counts, ties keep the earlier field; the best term names the field), reading
 * interned ids: each term is looked up once per distinct text, not once per entry.
 */
export class CompactMatcher {
  private readonly index: CompactEntryIndex;
  private readonly nodeFactors: Uint8Array[];
  private readonly textFactors: Uint8Array[];
  private readonly idFactors: Uint8Array[];
  /** Per term, the texts it matches in each table (for picking candidate slots). */
  readonly matches: TermTableMatches[];
  /** The best field of the last `score` call and its text (a node, text or slot id). */
  bestField = SPIFFE;
  bestText = 0;

  /** `scratch`: where its arrays come from when it is used up before the next query (else they are its own). */
  constructor(index: CompactEntryIndex, terms: readonly string[], scratch?: SearchScratch) {
    const c = index.columns;
    const search = index.searchIndex();
    this.index = index;
    const match = (table: StringTable, postings: NgramPostings, term: string) =>
      EntrySearchIndex.match(table, postings, term, scratch?.zeroedBytes(table.size));
    this.matches = terms.map((t) => ({
      nodes: match(c.nodes, search.nodes, t),
      texts: match(c.texts, search.texts, t),
      ids: match(c.idTexts, search.ids, t),
    }));
    this.nodeFactors = this.matches.map((m) => m.nodes.factor);
    this.textFactors = this.matches.map((m) => m.texts.factor);
    // Entry IDs are read per slot through the slot's ID text.
    this.idFactors = this.matches.map((m) => m.ids.factor);
  }

  /** Total score of a slot (0 when some term matches nowhere); sets `bestField` and `bestText`. */
  score(slot: number): number {
    const c = this.index.columns;
    const lists = c.lists.data;
    const idText = c.idText.data[slot]!;
    const spiffe = c.spiffe.data[slot]!;
    const parent = c.parent.data[slot]!;
    const hint = c.hint.data[slot]!;
    const start = c.listStart.data[slot]!;
    const selectorEnd = start + c.selectorCount.data[slot]!;
    const dnsStart = selectorEnd + c.federatesCount.data[slot]!;
    const dnsEnd = dnsStart + c.dnsCount.data[slot]!;
    let total = 0;
    let best = 0;
    for (let k = 0; k < this.nodeFactors.length; k++) {
      const nf = this.nodeFactors[k]!;
      const tf = this.textFactors[k]!;
      let score = 10 * nf[spiffe]!;
      let field = SPIFFE;
      let text = spiffe;
      const id = 8 * this.idFactors[k]![idText]!;
      if (id > score) [score, field, text] = [id, ENTRY_ID, slot];
      for (let i = start; i < selectorEnd; i++) {
        const s = 6 * tf[lists[i]!]!;
        if (s > score) [score, field, text] = [s, SELECTOR, lists[i]!];
      }
      if (hint !== 0 && 6 * tf[hint]! > score) [score, field, text] = [6 * tf[hint]!, HINT, hint];
      for (let i = dnsStart; i < dnsEnd; i++) {
        const s = 4 * tf[lists[i]!]!;
        if (s > score) [score, field, text] = [s, DNS, lists[i]!];
      }
      if (2 * nf[parent]! > score) [score, field, text] = [2 * nf[parent]!, PARENT, parent];
      if (score === 0) return 0;
      total += score;
      if (score > best) {
        best = score;
        this.bestField = field;
        this.bestText = text;
      }
    }
    return total;
  }

  /**
   * The matches of the term with the fewest candidate slots in `search` (every term must match,
   * so its candidates are enough to score), and how many candidates that is (an upper bound).
   */
  rarest(search: EntrySearchIndex): { matches: TermTableMatches; candidates: number } {
    const sizes = this.matches.map((m) => search.candidateCount(m.nodes, m.texts, m.ids));
    const candidates = Math.min(...sizes);
    return { matches: this.matches[sizes.indexOf(candidates)]!, candidates };
  }

  /** The field the last `score` call found best, and its text. */
  bestMatch(): { field: EntryMatchField; text: string } {
    const c = this.index.columns;
    const field = this.bestField;
    const text =
      field === ENTRY_ID
        ? c.idAt(this.bestText)
        : field === SPIFFE || field === PARENT
          ? c.nodes.text(this.bestText)
          : c.texts.text(this.bestText);
    return { field: FIELDS[field]!, text };
  }
}

/** Compares two slots by the `spiffeId id` key of `rankAndPage`, without building the keys when it can. */
function compareKeys(index: CompactEntryIndex, a: number, b: number): number {
  const c = index.columns;
  const sa = c.spiffeIdOf(a);
  const sb = c.spiffeIdOf(b);
  if (sa === sb) {
    const ia = c.idAt(a);
    const ib = c.idAt(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  }
  if (!sa.startsWith(sb) && !sb.startsWith(sa)) return sa < sb ? -1 : 1;
  const ka = `${sa} ${c.idAt(a)}`;
  const kb = `${sb} ${c.idAt(b)}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * `searchEntries` over the compact index: the same matches, scores, fields and order (score,
 * then the shorter `spiffeId id` key, then that key), paged; only the page's entries are built.
 * `within` limits the search to the given slots (one tree level).
 */
export function searchCompactEntries(
  index: CompactEntryIndex,
  query: string,
  page: { offset: number; limit: number },
  within?: Int32Array,
): EntrySearchPage {
  const terms = searchTerms(query);
  if (terms.length === 0) return { hits: [], total: 0, nextOffset: null };
  // Nothing of this search outlives it, and it does not wait: its arrays are the last search's.
  scratch.reset();
  const matcher = new CompactMatcher(index, terms, scratch);
  const c = index.columns;
  const search = index.searchIndex();
  // Every term must match: the slots of the term matching the fewest are enough to score.
  const rarest = within ? null : matcher.rarest(search);
  // Matches as positions in `found`/`scores` (at most one per candidate slot): a page is picked among them.
  const bound = within ? within.length : rarest!.candidates;
  const found = scratch.ints(bound);
  const scores = scratch.ints(bound);
  let count = 0;
  const consider = (slot: number) => {
    const score = matcher.score(slot);
    if (score === 0) return;
    // A typed array drops writes past its end: a broken bound must not drop matches silently.
    if (count === bound) throw new Error(`a search scored more than its ${bound} candidate slots`);
    scores[count] = score;
    found[count++] = slot;
  };
  if (within) for (const slot of within) consider(slot);
  else search.forEachCandidate(c, rarest!.matches, consider);
  const keyLength = (slot: number) =>
    c.nodes.lengthOf(c.spiffe.data[slot]!) + 1 + c.idTexts.lengthOf(c.idText.data[slot]!);
  const compare = (i: number, j: number) =>
    scores[j]! - scores[i]! || keyLength(found[i]!) - keyLength(found[j]!) || compareKeys(index, found[i]!, found[j]!);
  const positions = scratch.ints(count);
  for (let i = 0; i < count; i++) positions[i] = i;
  const top = selectTop(positions, page.offset + page.limit, compare).slice(page.offset);
  const hits: EntrySearchHit[] = top.map((at) => {
    const slot = found[at]!;
    const score = matcher.score(slot);
    const { field, text } = matcher.bestMatch();
    return { entry: c.entryAt(slot), score, field, match: text };
  });
  const next = page.offset + page.limit;
  return { hits, total: count, nextOffset: next < count ? next : null };
}
