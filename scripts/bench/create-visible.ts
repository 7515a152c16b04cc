// Time from a create through the console API to the entry showing in the tree (the index is
// patched in place, so the first tree request after the create should already have it).
import { median, percentile } from "./measure.ts";

type Level = { nodes: { entryId: string | null }[] };

/** The console's own total of seconds spent in SPIRE's BatchCreateEntry for `server` (its /metrics histogram sum). */
async function spireCreateSeconds(consoleUrl: string, server: string): Promise<number> {
  const text = await (await fetch(`${consoleUrl}/metrics`)).text();
  const name = `spire_console_spire_call_duration_seconds_sum{server="${server}",method="entry/batchCreateEntry"}`;
  const line = text.split("\n").find((l) => l.startsWith(name));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

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

/** Create → visible, and how much of it SPIRE's own create took (median and p95 of each, ms). */
export type CreateVisible = {
  median: number;
  p95: number;
  maxPolls: number;
  spire: { median: number; p95: number };
  console: { median: number; p95: number };
};

/**
 * Creates `times` entries one by one under `parent` (an agent) and measures, for each, the ms
 * from sending the create to the first tree request for that level (narrowed with `q`) that lists
 * it, polling every 5 ms, giving up after 30 s. Deletes them afterwards. Returns median, p95 and
 * the most tree requests one entry needed; and, from the console's metric of SPIRE calls read
 * around each create, SPIRE's BatchCreateEntry time and the rest (the console's own) per create.
 */
export async function measureCreateVisible(
  consoleUrl: string,
  server: string,
  token: string,
  parent: string,
  times: number,
): Promise<CreateVisible> {
  const api = `${consoleUrl}/api/servers/${server}`;
  const td = new URL(parent).host;
  const run = Date.now().toString(36);
  const samples: number[] = [];
  const spireMs: number[] = [];
  const consoleMs: number[] = [];
  const created: string[] = [];
  let maxPolls = 0;
  try {
    for (let i = 0; i < times; i++) {
      const spireBefore = await spireCreateSeconds(consoleUrl, server);
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
          const total = performance.now() - started;
          const inSpire = ((await spireCreateSeconds(consoleUrl, server)) - spireBefore) * 1000;
          samples.push(total);
          spireMs.push(inSpire);
          consoleMs.push(total - inSpire);
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
  const spread = (values: number[]) => ({ median: median(values), p95: percentile(values, 95) });
  return { ...spread(samples), maxPolls, spire: spread(spireMs), console: spread(consoleMs) };
}
