import { afterAll, describe, expect, inject, it } from "vitest";

import { serverComponent } from "../../scripts/stack/components.ts";
import { getStackPaths } from "../../scripts/stack/paths.ts";
import { runningPid, stopProcess } from "../../scripts/stack/process.ts";
import { apiGet, stackUp, waitFor } from "../support/api";

type Summary = { name: string; healthy: boolean; error: { code: string; message: string } | null };

// The console's default per-call deadline is 5 s; a down server must be reported well within it.
const DEADLINE_MS = 5_000;

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
    const recovered = await waitFor(async () => {
      const res = await apiGet<{ entries: unknown[] }>("/api/servers/foo/entries?pageSize=5");
      return res.status === 200 ? res : undefined;
    }, 20_000);
    expect(recovered.body.entries.length).toBeGreaterThan(0);
    const servers = await apiGet<{ servers: Summary[] }>("/api/servers");
    expect(servers.body.servers.every((s) => s.healthy)).toBe(true);
  });
});
