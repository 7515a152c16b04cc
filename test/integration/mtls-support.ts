// Helpers shared by the mtls-*.test.ts files (issue #6): stack:up, polling, and the console's
// Workload API state as GET /api/servers reports it.
import { spawnSync } from "node:child_process";
import path from "node:path";

import { inject } from "vitest";

import { apiGet, type ApiResponse } from "../support/api";
import { repoRoot } from "../support/console-server";

export type WorkloadApiStatus = {
  socket: string;
  state: "connecting" | "ready" | "down";
  spiffeId: string | null;
  expiresAt: string | null;
  expired: boolean;
  lastUpdate: string | null;
  updates: number;
  trustDomains: string[];
  error: string | null;
};

export type ServerSummary = { name: string; address: string; healthy: boolean; serverSvidExpiresAt: string | null; error: { code: string; message: string } | null };

export const CONSOLE_ID = "spiffe://foo.example.com/console";

/** `node scripts/stack/cli.ts up` on the test stack (restores whatever a test changed). */
export function stackUp(): void {
  const result = spawnSync(process.execPath, [path.join(repoRoot, "scripts/stack/cli.ts"), "up"], {
    cwd: repoRoot,
    env: { ...process.env, SPIRE_CONSOLE_STACK_DIR: inject("stackDir") },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`stack:up failed: ${result.stderr}${result.stdout}`);
}

/** Polls `probe` until it returns a value (not undefined). */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * GET with one retry on a dropped connection: right after a stack process stops (which can take
 * seconds), undici may reuse a keep-alive socket the console has just closed ("other side
 * closed"). A console that is really down still fails the second attempt.
 */
export async function apiGetOnce<T>(path: string): Promise<ApiResponse<T>> {
  try {
    return await apiGet<T>(path);
  } catch {
    await new Promise((r) => setTimeout(r, 500));
    return apiGet<T>(path);
  }
}

/** GET /api/servers: the servers and the console's one Workload API source. */
export async function serversAndIdentity(): Promise<{ servers: ServerSummary[]; identity: WorkloadApiStatus }> {
  const res = await apiGetOnce<{ servers: ServerSummary[]; workloadApi: WorkloadApiStatus[] }>("/api/servers");
  if (res.status !== 200) throw new Error(`/api/servers answered ${res.status}`);
  const [identity] = res.body.workloadApi;
  if (!identity || res.body.workloadApi.length !== 1) throw new Error(`expected one Workload API source, got ${JSON.stringify(res.body.workloadApi)}`);
  return { servers: res.body.servers, identity };
}
