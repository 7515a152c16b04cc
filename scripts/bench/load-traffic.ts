// The traffic of `npm run bench:load`: browsing users (tree, tables, search, detail pages, and for
// signed-in users server-rendered pages) and editors (create, edit, delete in their own paths),
// each one request at a time, timed per route.
import { percentile } from "./measure.ts";

type Spread = { count: number; p50: number; p95: number; p99: number };

function spreadOf(list: number[]): Spread {
  return { count: list.length, p50: percentile(list, 50), p95: percentile(list, 95), p99: percentile(list, 99) };
}

/** Routes that change something; every other route is a read (the target "p95 of reads"). */
export const WRITE_ROUTES = new Set(["create", "edit", "delete"]);

/** Timings and answers per route pattern, shared by every simulated user. */
export class LoadStats {
  /** Per route: each request's latency (ms) and when it was sent (ms since `startedAt`). */
  readonly latency = new Map<string, { at: number; ms: number }[]>();
  readonly errors = new Map<string, number>();
  readonly startedAt = performance.now();
  requests = 0;
  /** Editors' changes that SPIRE confirmed, and the ones whose outcome is unknown (the request failed). */
  creates = 0;
  deletes = 0;
  uncertain = 0;

  record(route: string, ms: number, status: number, sentAt = performance.now() - ms): void {
    this.requests += 1;
    const list = this.latency.get(route) ?? [];
    list.push({ at: sentAt - this.startedAt, ms });
    this.latency.set(route, list);
    // A redirect is a failure too: a page sends a user whose session was lost to sign in again.
    if (status >= 300 || status === 0) {
      const key = `${route} ${status === 0 ? "network" : status}`;
      this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
    }
  }

  /**
   * p50/p95/p99 per route and of all reads together, in ms; with `outside`, only of requests sent
   * outside those windows ([from, to] ms since the start: a server restarting and settling).
   */
  summary(outside: [number, number][] = []): Record<string, Spread> {
    const kept = (list: { at: number; ms: number }[]) =>
      list.filter((r) => !outside.some(([from, to]) => r.at >= from && r.at <= to)).map((r) => r.ms);
    const out: Record<string, Spread> = {};
    const reads: number[] = [];
    for (const [route, list] of [...this.latency].sort()) {
      const ms = kept(list);
      out[route] = spreadOf(ms);
      if (!WRITE_ROUTES.has(route)) reads.push(...ms);
    }
    out["all reads"] = spreadOf(reads);
    return out;
  }
}

export type Ctx = {
  /** The console's origin, e.g. http://127.0.0.1:41234. */
  consoleUrl: string;
  /** The bench server's name in the console. */
  server: string;
  /** How this user proves who it is: `authorization: Bearer …` (a token) or `cookie: …` (a session). */
  auth: Record<string, string>;
  stats: LoadStats;
  until: number;
  agentId: string;
  td: string;
  /** A second server (foo of the demo stack) this user looks at now and then. */
  other?: string;
  /** Also loads server-rendered pages, as a browser does. */
  pages?: boolean;
};

async function timed<T>(
  ctx: Ctx,
  route: string,
  url: string,
  init: { method?: string; body?: unknown; accept?: string } = {},
): Promise<{ status: number; body: T | null }> {
  const started = performance.now();
  const accept = init.accept ?? "application/json";
  try {
    const response = await fetch(`${ctx.consoleUrl}${url}`, {
      method: init.method ?? "GET",
      redirect: "manual",
      headers: { accept, ...ctx.auth, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    ctx.stats.record(route, performance.now() - started, response.status);
    const json = response.ok && accept === "application/json";
    return { status: response.status, body: json ? (JSON.parse(text) as T) : null };
  } catch {
    ctx.stats.record(route, performance.now() - started, 0);
    return { status: 0, body: null };
  }
}

/** A request to the bench server's API (`/api/servers/<bench>…`). */
const benchApi = <T>(ctx: Ctx, route: string, url: string, init?: { method?: string; body?: unknown }) =>
  timed<T>(ctx, route, `/api/servers/${ctx.server}${url}`, init);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A server-rendered page, as a browser's navigation asks for it. */
function page(ctx: Ctx, roll: number): Promise<unknown> {
  const other = ctx.other ?? ctx.server;
  const pages: [string, string][] = [
    ["page entries", `/entries?server=${ctx.server}`],
    ["page agents", `/agents?server=${ctx.server}`],
    ["page overview", "/"],
    [`page ${other} tree`, `/entries?server=${other}`],
  ];
  const [route, url] = pages[Math.floor(roll * pages.length)]!;
  return timed(ctx, route, url, { accept: "text/html" });
}

/** The second server's tree root or agents, through its API. */
function otherServer(ctx: Ctx, other: string, roll: number): Promise<unknown> {
  return roll < 0.5
    ? timed(ctx, `${other} tree root`, `/api/servers/${other}/entries/tree`)
    : timed(ctx, `${other} agent list`, `/api/servers/${other}/agents?pageSize=50`);
}

/**
 * One browsing user until `ctx.until`: a random request, then a think time of 50–250 ms. A user
 * with `pages` loads a server-rendered page one time in ten; with `other`, one time in ten it looks
 * at that server; otherwise it reads the bench server (tree, levels, lists, search, details).
 */
export async function browse(ctx: Ctx, seed: number): Promise<void> {
  let n = seed;
  const next = () => (n = (n * 1103515245 + 12345) % 2147483648) / 2147483648;
  let knownId: string | null = null;
  while (Date.now() < ctx.until) {
    const kind = next();
    const roll = next();
    const group = Math.floor(next() * 999);
    if (ctx.pages && kind < 0.1) await page(ctx, roll);
    else if (ctx.other && kind < 0.2) await otherServer(ctx, ctx.other, roll);
    else if (roll < 0.25) await benchApi(ctx, "tree root", "/entries/tree");
    else if (roll < 0.45)
      await benchApi(
        ctx,
        "tree level",
        `/entries/tree?parent=${encodeURIComponent(`spiffe://${ctx.td}/node/group-${group}`)}`,
      );
    else if (roll < 0.6) {
      const list = await benchApi<{ entries: { id: string }[] }>(
        ctx,
        "entry list",
        `/entries?pageSize=50&selector=bench:parent:${group}&match=superset`,
      );
      knownId = list.body?.entries[0]?.id ?? knownId;
    } else if (roll < 0.8) await benchApi(ctx, "search", `/entries/search?q=w-${Math.floor(next() * 99999)}`);
    else if (knownId) await benchApi(ctx, "entry detail", `/entries/${knownId}/detail`);
    else await benchApi(ctx, "agent list", "/agents?pageSize=50");
    await pause(50 + next() * 200);
  }
}

/** Pause after each change: an editor stays under the console's default 120 changes a minute. */
const EDIT_PAUSE_MS = 600;

/** One editor until `ctx.until`: create, edit the hint, delete, in its own path; counts what SPIRE confirmed. */
export async function edit(ctx: Ctx, editor: number, run: string): Promise<void> {
  for (let i = 0; Date.now() < ctx.until; i++) {
    const created = await benchApi<{ id: string; revisionNumber: number }>(ctx, "create", "/entries", {
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
    await benchApi(ctx, "edit", `/entries/${entry.id}`, {
      method: "PATCH",
      body: { revisionNumber: entry.revisionNumber, hint: `edited-${i}` },
    });
    await pause(EDIT_PAUSE_MS);
    // Every other entry stays, so the end count checks creates and deletes both.
    if (i % 2 === 0) continue;
    const deleted = await benchApi(ctx, "delete", `/entries/${entry.id}`, { method: "DELETE" });
    if (deleted.status === 200) ctx.stats.deletes += 1;
    else if (deleted.status === 0 || deleted.status >= 500) ctx.stats.uncertain += 1;
    await pause(EDIT_PAUSE_MS);
  }
}
