import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { consoleFetch } from "../support/api";
import { type RunningConsole, startConsole } from "../support/console-server";

async function withConsole(config: string, check: (url: string) => Promise<void>): Promise<void> {
  let running: RunningConsole | undefined;
  try {
    running = await startConsole({ SPIRE_CONSOLE_CONFIG: config });
    await check(running.url);
  } finally {
    await running?.stop();
  }
}

describe("configuration errors", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "spire-console-config-"));

  it("names the bad field of an invalid YAML config in the API and on every page", async () => {
    const file = path.join(dir, "bad.yaml");
    writeFileSync(file, "servers:\n  - name: foo\n    address: not-an-address\n");
    await withConsole(file, async (url) => {
      const servers = await (await consoleFetch(`${url}/api/servers`)).json();
      expect(servers.config.status).toBe("invalid");
      expect(servers.config.message).toContain(
        "servers.0.address: address must be unix:///path/to/api.sock or host:port",
      );
      expect(servers.servers).toEqual([]);
      const entries = await consoleFetch(`${url}/api/servers/foo/entries`);
      expect(entries.status).toBe(503);
      expect((await entries.json()).error.code).toBe("not_configured");
      const html = await (await consoleFetch(`${url}/entries`)).text();
      expect(html).toContain("configuration is invalid");
      expect(html).toContain("servers.0.address");
    });
  });

  it("says so when SPIRE_CONSOLE_CONFIG points at a missing file", async () => {
    const file = path.join(dir, "missing.json");
    await withConsole(file, async (url) => {
      const servers = await (await consoleFetch(`${url}/api/servers`)).json();
      expect(servers.config).toEqual({
        status: "invalid",
        source: file,
        message: `SPIRE_CONSOLE_CONFIG points at ${file}, which does not exist`,
      });
    });
  });

  it("lists an unreachable server as unhealthy instead of dropping it", async () => {
    const file = path.join(dir, "unreachable.json");
    writeFileSync(
      file,
      JSON.stringify({ servers: [{ name: "ghost", address: `unix://${dir}/no.sock`, timeoutMs: 1000 }] }),
    );
    await withConsole(file, async (url) => {
      const started = Date.now();
      const servers = await (await consoleFetch(`${url}/api/servers`)).json();
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(servers.servers).toEqual([
        expect.objectContaining({
          name: "ghost",
          healthy: false,
          counts: null,
          error: expect.objectContaining({ code: "unavailable" }),
        }),
      ]);
    });
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const file = path.join(dir, "unreachable.json");
    await withConsole(file, async (url) => {
      const res = await consoleFetch(`${url}/api/nothing/here`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "not_found", message: "No API route /api/nothing/here." } });
    });
  });
});
