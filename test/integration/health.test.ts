// /healthz and /readyz: public probes that say only a status; readiness follows the config and the
// store, never the SPIRE servers. And /metrics on its own port when configured.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { findFreePort } from "../../scripts/stack/ports.ts";
import { type RunningConsole, startConsole } from "../support/console-server";
import { parseMetrics, sample } from "../support/prometheus";

const dir = mkdtempSync(path.join(tmpdir(), "spc-health-"));
const stackConfig = () =>
  JSON.parse(readFileSync(path.join(inject("stackDir"), "console.json"), "utf8")) as Record<string, unknown> & {
    servers: object[];
  };

describe("the probes of the shared console", () => {
  it("answers /healthz and /readyz without credentials, from any Host, with a status only", async () => {
    for (const [probe, body] of [
      ["/healthz", { status: "ok" }],
      ["/readyz", { status: "ready", checks: { config: "ok", store: "ok" } }],
    ] as const) {
      const response = await fetch(`${inject("consoleUrl")}${probe}`, { headers: { host: "10.1.2.3:3000" } });
      expect(response.status, probe).toBe(200);
      expect(await response.json()).toEqual(body);
      expect(response.headers.get("cache-control")).toContain("no-store");
    }
  });
});

describe("readiness of consoles in trouble", () => {
  let broken: RunningConsole;
  let separate: RunningConsole;
  let metricsPort: number;
  const brokenConfig = path.join(dir, "broken.json");
  const databaseUrl = "postgres://console:s3cret-password@127.0.0.1:1/console";

  beforeAll(async () => {
    // The store is a PostgreSQL that does not exist.
    writeFileSync(brokenConfig, JSON.stringify({ ...stackConfig(), database: { url: databaseUrl } }));
    // A SPIRE server that is down, and /metrics on its own port.
    metricsPort = await findFreePort();
    const separateConfig = path.join(dir, "separate.json");
    const config = stackConfig();
    const ghost = { name: "ghost", address: "unix:///nonexistent/spire/api.sock" };
    writeFileSync(
      separateConfig,
      JSON.stringify({
        ...config,
        servers: [...config.servers, ghost],
        metrics: { port: metricsPort, host: "127.0.0.1" },
      }),
    );
    [broken, separate] = await Promise.all([
      startConsole({ SPIRE_CONSOLE_CONFIG: brokenConfig }),
      startConsole({ SPIRE_CONSOLE_CONFIG: separateConfig, SPIRE_CONSOLE_DATA_DIR: path.join(dir, "data") }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([broken?.stop(), separate?.stop()]);
  });

  it("is live but not ready while its store cannot be written, and names no URL or password", async () => {
    expect((await fetch(`${broken.url}/healthz`)).status).toBe(200);
    const response = await fetch(`${broken.url}/readyz`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "not ready", checks: { config: "ok", store: "unavailable" } });
    expect(text).not.toMatch(/postgres|s3cret|127\.0\.0\.1/);
  });

  it("is not ready with an invalid config file, and does not say where it is", async () => {
    writeFileSync(brokenConfig, JSON.stringify({ servers: [{ name: "Bad Name", address: "nowhere" }] }));
    const response = await fetch(`${broken.url}/readyz`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "not ready", checks: { config: "invalid", store: "skipped" } });
    expect(text).not.toContain(dir);
  });

  it("stays ready while a SPIRE server is down: that is when operators need the console", async () => {
    const response = await fetch(`${separate.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ready" });
  });

  it("serves /metrics only on its own port when one is configured", async () => {
    expect((await fetch(`${separate.url}/metrics`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/`)).status).toBe(404);
    const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    const samples = parseMetrics(await response.text());
    expect(sample(samples, "spire_console_expiry_collection_success", { server: "foo" })).toBe(1);
    expect(sample(samples, "spire_console_expiry_collection_success", { server: "ghost" })).toBe(0);
    expect(samples.has('spire_console_x509_authority_expiry_seconds{server="ghost"}')).toBe(false);
    expect(
      sample(samples, "spire_console_http_requests_total", { route: "/metrics", method: "GET", status: "404" }),
    ).toBe(1);
  });
});
