// The traffic of `npm run bench:load`: browsing users (tree, tables, search, detail pages) and
// editors (create, edit, delete in their own paths), each one request at a time, timed per route.
import { percentile } from "./measure.ts";

/** Timings and answers per route pattern, shared by every simulated user. */
export class LoadStats {
  readonly latency = new Map<string, number[]>();
  readonly errors = new Map<string, number>();
  requests = 0;
  /** Editors' changes that SPIRE confirmed, and the ones whose outcome is unknown (the request failed). */
  creates = 0;
  deletes = 0;
  uncertain = 0;

  record(route: string, ms: number, status: number): void {
    this.requests += 1;
    const list = this.latency.get(route) ?? [];
    list.push(ms);
    this.latency.set(route, list);
    if (status >= 400 || status === 0) {
      const key = `${route} ${status === 0 ? "network" : status}`;
      this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
    }
  }

  /** p50/p95/p99 per route, in ms. */
  summary(): Record<string, { count: number; p50: number; p95: number; p99: number }> {
    const out: Record<string, { count: number; p50: number; p95: number; p99: number }> = {};
    for (const [route, list] of [...this.latency].sort()) {
      out[route] = {
        count: list.length,
        p50: percentile(list, 50),
        p95: percentile(list, 95),
        p99: percentile(list, 99),
      };
    }
    return out;
  }
}

type Ctx = { api: string; token: string; stats: LoadStats; until: number; agentId: string; td: string };

async function timed<T>(
  ctx: Ctx,
  route: string,
  url: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: T | null }> {
  const started = performance.now();
  try {
    const response = await fetch(`${ctx.api}${url}`, {
      method: init.method ?? "GET",
      headers: {
        accept: "application/json",
        authorization: `Bearer ${ctx.token}`,
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    ctx.stats.record(route, performance.now() - started, response.status);
    return { status: response.status, body: response.ok ? (JSON.parse(text) as T) : null };
  } catch {
    ctx.stats.record(route, performance.now() - started, 0);
    return { status: 0, body: null };
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One browsing user until `ctx.until`: a random page, then a think time of 50–250 ms. */
export async function browse(ctx: Ctx, seed: number): Promise<void> {
  let n = seed;
  const next = () => (n = (n * 1103515245 + 12345) % 2147483648) / 2147483648;
  let knownId: string | null = null;
  while (Date.now() < ctx.until) {
    const roll = next();
    const group = Math.floor(next() * 999);
    if (roll < 0.25) await timed(ctx, "tree root", "/entries/tree");
    else if (roll < 0.45)
      await timed(
        ctx,
        "tree level",
        `/entries/tree?parent=${encodeURIComponent(`spiffe://${ctx.td}/node/group-${group}`)}`,
      );
    else if (roll < 0.6) {
      const page = await timed<{ entries: { id: string }[] }>(
        ctx,
        "entry list",
        `/entries?pageSize=50&selector=bench:parent:${group}&match=superset`,
      );
      knownId = page.body?.entries[0]?.id ?? knownId;
    } else if (roll < 0.8) await timed(ctx, "search", `/entries/search?q=w-${Math.floor(next() * 99999)}`);
    else if (knownId) await timed(ctx, "entry detail", `/entries/${knownId}/detail`);
    else await timed(ctx, "agent list", "/agents?pageSize=50");
    await pause(50 + next() * 200);
  }
}

/** Pause after each change: an editor stays under the console's default 120 changes a minute. */
const EDIT_PAUSE_MS = 600;

/** One editor until `ctx.until`: create, edit the hint, delete, in its own path; counts what SPIRE confirmed. */
export async function edit(ctx: Ctx, editor: number, run: string): Promise<void> {
  for (let i = 0; Date.now() < ctx.until; i++) {
    const created = await timed<{ id: string; revisionNumber: number }>(ctx, "create", "/entries", {
      method: "POST",
      body: {
        spiffeId: `spiffe://${ctx.td}/load/${run}/editor-${editor}/e-${i}`,
        parentId: ctx.agentId,
        selectors: [{ type: "bench", value: `load:${run}:${editor}:${i}` }],
      },
    });
    if (!created.body) {
      if (created.status === 0 || created.status >= 500) ctx.stats.uncertain += 1;
      await pause(EDIT_PAUSE_MS);
      continue;
    }
    ctx.stats.creates += 1;
    const entry = created.body;
    await pause(EDIT_PAUSE_MS);
    await timed(ctx, "edit", `/entries/${entry.id}`, {
      method: "PATCH",
      body: { revisionNumber: entry.revisionNumber, hint: `edited-${i}` },
    });
    await pause(EDIT_PAUSE_MS);
    // Every other entry stays, so the end count checks creates and deletes both.
    if (i % 2 === 0) continue;
    const deleted = await timed(ctx, "delete", `/entries/${entry.id}`, { method: "DELETE" });
    if (deleted.status === 200) ctx.stats.deletes += 1;
    else if (deleted.status === 0 || deleted.status >= 500) ctx.stats.uncertain += 1;
    await pause(EDIT_PAUSE_MS);
  }
}
