// Small helpers for calling the running console's HTTP API from tests.
import { inject } from "vitest";

import { readStackState, type StackState } from "../../scripts/stack/state.ts";

export type ApiResponse<T = unknown> = { status: number; body: T; ms: number };

/** GET a console API path (e.g. "/api/servers") and parse the JSON answer. */
export async function apiGet<T = unknown>(path: string): Promise<ApiResponse<T>> {
  const started = performance.now();
  const response = await fetch(`${inject("consoleUrl")}${path}`, { headers: { accept: "application/json" } });
  const body = (await response.json()) as T;
  return { status: response.status, body, ms: performance.now() - started };
}

/** Follows nextPageToken through a paged list route and returns every item. */
export async function apiGetAllPages<T>(path: string, key: string, pageSize: number): Promise<{ items: T[]; pages: number }> {
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
