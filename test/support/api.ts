// Small helpers for calling the running console's HTTP API from tests.
import { spawnSync } from "node:child_process";
import path from "node:path";

import { inject } from "vitest";

import { repoRoot } from "../../scripts/lib/console-server.ts";
import { readStackState, type StackState } from "../../scripts/stack/state.ts";

export type ApiResponse<T = unknown> = { status: number; body: T; ms: number };

/** Headers that authenticate as the test run's bootstrap admin. */
export function adminHeaders(): Record<string, string> {
  return { authorization: `Bearer ${inject("consoleToken")}` };
}

/**
 * fetch() as the test run's admin: adds the bootstrap bearer token unless the request sets its
 * own Authorization. `url` may be a path on the shared console or a full URL of another console.
 */
export function consoleFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("authorization")) headers.set("authorization", adminHeaders().authorization!);
  const full = url.startsWith("http") ? url : `${inject("consoleUrl")}${url}`;
  return fetch(full, { ...init, headers });
}

/**
 * Walks a server's entry index again and waits for it (`POST …/entries/index/refresh`, `wait: true`),
 * so the index holds what the CLI changed. `consoleUrl`: another console than the shared one.
 */
export function refreshEntryIndex(server: string, consoleUrl = ""): Promise<Response> {
  return consoleFetch(`${consoleUrl}/api/servers/${server}/entries/index/refresh`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ wait: true }),
  });
}

async function getOnce<T>(path: string): Promise<ApiResponse<T>> {
  const started = performance.now();
  const response = await consoleFetch(path, { headers: { accept: "application/json" } });
  const body = (await response.json()) as T;
  return { status: response.status, body, ms: performance.now() - started };
}

/**
 * GET a console API path (e.g. "/api/servers") and parse the JSON answer. A request that fails
 * at the network level is retried once: after a test stops or restarts a stack process (which
 * blocks for seconds), fetch may reuse a keep-alive socket the console has closed meanwhile
 * ("other side closed"). A console that is really down fails the second attempt too.
 */
export async function apiGet<T = unknown>(path: string): Promise<ApiResponse<T>> {
  try {
    return await getOnce<T>(path);
  } catch {
    await new Promise((r) => setTimeout(r, 500));
    return getOnce<T>(path);
  }
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** `node scripts/stack/cli.ts up` on the test stack (restores whatever a test stopped or changed). */
export function stackUp(): void {
  const result = spawnSync(process.execPath, [path.join(repoRoot, "scripts/stack/cli.ts"), "up"], {
    cwd: repoRoot,
    env: { ...process.env, SPIRE_CONSOLE_STACK_DIR: inject("stackDir") },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`stack:up failed: ${result.stderr}${result.stdout}`);
}

/** Follows nextPageToken through a paged list route and returns every item. */
export async function apiGetAllPages<T>(
  path: string,
  key: string,
  pageSize: number,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let token = "";
  let pages = 0;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const url = `${path}${separator}pageSize=${pageSize}${token ? `&pageToken=${encodeURIComponent(token)}` : ""}`;
    const { status, body } = await apiGet<Record<string, unknown>>(url);
    if (status !== 200) throw new Error(`${url} answered ${status}: ${JSON.stringify(body)}`);
    items.push(...(body[key] as T[]));
    token = body.nextPageToken as string;
    pages += 1;
    if (pages > 1000) throw new Error("paging did not end");
  } while (token);
  return { items, pages };
}

/** The test stack's description (.stack/stack.json of the stack the console talks to). */
export function stackState(): StackState {
  return readStackState(inject("stackDir"));
}

/** Selectors in the console's order (type, then value): SPIRE's own order is not stable. */
export function sortSelectors(selectors: { type: string; value: string }[]): { type: string; value: string }[] {
  return selectors
    .map(({ type, value }) => ({ type, value }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.value.localeCompare(b.value));
}
