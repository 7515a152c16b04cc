import { entryListQuerySchema, searchParamsToObject } from "./list-queries";

type PageSearchParams = Record<string, string | string[] | undefined>;

/** Page search params → URLSearchParams (repeatable values kept). */
export function toUrlSearchParams(searchParams: PageSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  return params;
}

/** The entry filters of the entries page URL, parsed with the list API's schema. */
export function parseEntryPageFilters(params: URLSearchParams) {
  const filterOnly = new URLSearchParams([...params].filter(([key]) => !["server", "view", "expand"].includes(key)));
  const parsed = entryListQuerySchema.safeParse(searchParamsToObject(filterOnly));
  if (!parsed.success)
    return {
      ok: false as const,
      message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    };
  const d = parsed.data;
  return {
    ok: true as const,
    filters: {
      spiffeId: d.spiffeId,
      parentId: d.parentId,
      selectors: d.selector,
      match: d.match,
      federatesWith: d.federatesWith,
      hint: d.hint,
    },
  };
}
