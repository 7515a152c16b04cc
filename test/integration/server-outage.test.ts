import { spawnSync } from "node:child_process";
import path from "node:path";

import { afterAll, describe, expect, inject, it } from "vitest";

import { serverComponent } from "../../scripts/stack/components.ts";
import { getStackPaths } from "../../scripts/stack/paths.ts";
import { runningPid, stopProcess } from "../../scripts/stack/process.ts";
import { apiGet } from "../support/api";
import { repoRoot } from "../support/console-server";

type Summary = { name: string; healthy: boolean; error: { code: string; message: string } | null };

// The console's default per-call deadline is 5 s; a down server must be reported well within it.
const DEADLINE_MS = 5_000;

function stackUp(): void {
  const result = spawnSync(process.execPath, [path.join(repoRoot, "scripts/stack/cli.ts"), "up"], {
    cwd: repoRoot,
    env: { ...process.env, SPIRE_CONSOLE_STACK_DIR: inject("stackDir") },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`stack:up failed: ${result.stderr}${result.stdout}`);
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("a SPIRE server going down and coming back", () => {
  const foo = serverComponent(getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: inject("stackDir") }), "foo");
  afterAll(() => stackUp());

  it("reports foo unhealthy and answers 503 within the deadline while bar keeps working", async () => {
    expect(runningPid(foo.spec)).not.toBeNull();
    await stopProcess(foo.spec);
    expect(runningPid(foo.spec)).toBeNull();

    const servers = await apiGet<{ servers: Summary[] }>("/api/servers");
    expect(servers.status).toBe(200);
    expect(servers.ms).toBeLessThan(DEADLINE_MS + 2_000);
    const [fooSummary, barSummary] = servers.body.servers;
    expect(fooSummary).toMatchObject({ name: "foo", healthy: false, error: { code: "unavailable" } });
    expect(fooSummary?.error?.message).toMatch(/SPIRE server 'foo' is unavailable/);
    expect(barSummary).toMatchObject({ name: "bar", healthy: true });

    for (const route of ["entries", "agents", "bundle", "federated-bundles", "federations"]) {
      const res = await apiGet<{ error: { code: string; message: string } }>(`/api/servers/foo/${route}`);
      expect(res.status, route).toBe(503);
      expect(res.body.error.code).toBe("unavailable");
      expect(res.ms).toBeLessThan(DEADLINE_MS + 2_000);
    }
    expect((await apiGet("/api/servers/bar/entries")).status).toBe(200);
  });

  it("recovers without restarting the console once foo is started again", async () => {
    stackUp();
    expect(runningPid(foo.spec)).not.toBeNull();
    // A connection kept alive across the blocking stack:up may be closed by now: retry those.
    const recovered = await waitFor(async () => {
      const res = await apiGet<{ entries: unknown[] }>("/api/servers/foo/entries?pageSize=5").catch(() => undefined);
      return res?.status === 200 ? res : undefined;
    }, 20_000);
    expect(recovered.body.entries.length).toBeGreaterThan(0);
    const servers = await apiGet<{ servers: Summary[] }>("/api/servers");
    expect(servers.body.servers.every((s) => s.healthy)).toBe(true);
  });
});
