import "server-only";

type ListPage<T> = { items: T[]; metadata?: { _continue?: string } };

/** Follows `continue` tokens (pages of `limit`) until the list is complete; at most 50 pages. */
export async function listAllPages<T>(
  fetchPage: (cont: string | undefined, limit: number) => Promise<ListPage<T>>,
  limit = 500,
): Promise<T[]> {
  const items: T[] = [];
  let cont: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await fetchPage(cont, limit);
    items.push(...result.items);
    cont = result.metadata?._continue || undefined;
    if (!cont) break;
  }
  return items;
}
