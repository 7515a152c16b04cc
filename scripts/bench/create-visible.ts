// Time from a create through the console API to the entry showing in the tree (the index is
// patched in place, so the first tree request after the create should already have it).
import { median, percentile } from "./measure.ts";

type Level = { nodes: { entryId: string | null }[] };

async function call<T>(url: string, token: string, method = "GET", body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      accept: "application/json",
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/**
 * Creates `times` entries one by one under `parent` (an agent) and measures, for each, the ms
 * from sending the create to the first tree request for that level (narrowed with `q`) that lists
 * it, polling every 5 ms, giving up after 30 s. Deletes them afterwards. Returns median, p95 and
 * the most tree requests one entry needed.
 */
export async function measureCreateVisible(
  api: string,
  token: string,
  parent: string,
  times: number,
): Promise<{ median: number; p95: number; maxPolls: number }> {
  const td = new URL(parent).host;
  const run = Date.now().toString(36);
  const samples: number[] = [];
  const created: string[] = [];
  let maxPolls = 0;
  try {
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      const entry = await call<{ id: string }>(`${api}/entries`, token, "POST", {
        spiffeId: `spiffe://${td}/bench/create-probe/${run}-${i}`,
        parentId: parent,
        selectors: [{ type: "bench", value: `probe:${run}-${i}` }],
      });
      created.push(entry.id);
      for (let polls = 1; ; polls++) {
        const level = await call<Level>(
          `${api}/entries/tree?parent=${encodeURIComponent(parent)}&q=${run}-${i}&limit=1000`,
          token,
        );
        if (level.nodes.some((n) => n.entryId === entry.id)) {
          samples.push(performance.now() - started);
          maxPolls = Math.max(maxPolls, polls);
          break;
        }
        if (performance.now() - started > 30_000) throw new Error(`entry ${entry.id} not in the tree after 30 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  } finally {
    if (created.length) await call(`${api}/entries/batch-delete`, token, "POST", { ids: created });
  }
  return { median: median(samples), p95: percentile(samples, 95), maxPolls };
}
