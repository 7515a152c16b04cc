// The bench's two whole-server reads through the console API: the first tree request (which waits
// for the index walk) and a full walk of the entry list.
import { getJson } from "./measure.ts";

/**
 * The first tree request: answered once the first walk is done; until then the console answers
 * 503 with the walk's progress (after waiting 4 s), which is printed and asked again.
 */
export async function waitForTree(url: string, token: string): Promise<void> {
  for (;;) {
    const response = await fetch(url, { headers: { accept: "application/json", authorization: `Bearer ${token}` } });
    const body = await response.text();
    if (response.ok) return;
    if (response.status !== 503) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 300)}`);
    console.log(`[bench] ${(JSON.parse(body) as { error: { message: string } }).error.message}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Pages through every entry of the bench server with the list API (1,000 a page); returns how many. */
export async function walkConsole(url: string, token: string): Promise<number> {
  let pageToken = "";
  let total = 0;
  do {
    const query = `pageSize=1000${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ""}`;
    const page = await getJson<{ entries: unknown[]; nextPageToken: string }>(
      `${url}/api/servers/bench/entries?${query}`,
      token,
    );
    total += page.entries.length;
    pageToken = page.nextPageToken;
  } while (pageToken);
  return total;
}
