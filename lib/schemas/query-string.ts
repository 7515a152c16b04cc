/** Query keys that may repeat (`?selector=a&selector=b`); every other key keeps its last value. */
const repeatable = new Set(["selector", "federatesWith"]);

/** A query string as a plain object for a zod schema: repeatable keys become arrays. */
export function readQuery(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    if (repeatable.has(key)) {
      const list = (result[key] as string[] | undefined) ?? [];
      list.push(value);
      result[key] = list;
    } else {
      result[key] = value;
    }
  }
  return result;
}

/** A page's `searchParams` (as Next passes them) as URLSearchParams, repeated values kept. */
export function toUrlSearchParams(searchParams: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  return params;
}
