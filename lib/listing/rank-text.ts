/** How well one piece of text matches one search term, 0 for no match. Higher is better. */
export function scoreText(text: string, term: string, weight: number): number {
  const haystack = text.toLowerCase();
  const at = haystack.indexOf(term);
  if (at < 0) return 0;
  if (haystack === term) return weight * 4;
  // A match that starts a path segment, selector part or word ranks above one inside a word.
  const boundary = at === 0 || /[/:._\-@ ]/.test(haystack[at - 1]!);
  const tail = haystack.endsWith(term) && (at === 0 || /[/:]/.test(haystack[at - 1]!));
  return weight * (tail ? 3 : boundary ? 2 : 1);
}

/** The lower-case terms of a search text (split on white space, at most 8). */
export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
}

/** One searchable field of a record and how much a match in it counts. */
export type SearchField<F extends string> = { field: F; text: string; weight: number };

/** The best field per term; a record matches only when every term matches some field. */
export function scoreFields<F extends string>(
  fields: readonly SearchField<F>[],
  terms: readonly string[],
): { score: number; field: F; text: string } | null {
  let score = 0;
  let best: { field: F; text: string; score: number } | null = null;
  for (const term of terms) {
    let termBest: { field: F; text: string; score: number } | null = null;
    for (const f of fields) {
      const s = scoreText(f.text, term, f.weight);
      if (s > (termBest?.score ?? 0)) termBest = { field: f.field, text: f.text, score: s };
    }
    if (!termBest) return null;
    score += termBest.score;
    if (!best || termBest.score > best.score) best = termBest;
  }
  return best ? { score, field: best.field, text: best.text } : null;
}

/** A page of ranked results: highest score first, then shortest, then alphabetical key. */
export function rankAndPage<T>(
  scored: readonly { item: T; score: number; key: string }[],
  offset: number,
  limit: number,
): { items: { item: T; score: number }[]; total: number; nextOffset: number | null } {
  const sorted = [...scored].sort(
    (a, b) => b.score - a.score || a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const next = offset + limit;
  return {
    items: sorted.slice(offset, next).map(({ item, score }) => ({ item, score })),
    total: sorted.length,
    nextOffset: next < sorted.length ? next : null,
  };
}
