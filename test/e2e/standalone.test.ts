// The production server as the container runs it: only what the Dockerfile's final stage copies,
// started with its CMD (node --import ./server/request-hook.mjs server.js), on a read-only file
// system except the data dir and /tmp. A user signs in through the provider's form and opens a page.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "../support/api";
import { demoUser } from "../support/auth";
import { type StandaloneServer, startStandalone } from "../support/standalone-server";
import { EntriesPage } from "./pages/entries-page";
import { launchBrowser } from "./support/browser";

let server: StandaloneServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStandalone({
    SPIRE_CONSOLE_CONFIG: path.join(inject("stackDir"), "console.json"),
    SPIRE_CONSOLE_ENTRY_SETS: "off", // the shared console watches the stack's entry sets
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the standalone server from the image's files", () => {
  it("holds no dev dependency and no source outside what the image copies", () => {
    for (const devOnly of ["vitest", "playwright-core", "eslint", "typescript", "oidc-provider"])
      expect(existsSync(path.join(server.appDir, "node_modules", devOnly)), devOnly).toBe(false);
    expect(existsSync(path.join(server.appDir, "server.js"))).toBe(true);
    expect(existsSync(path.join(server.appDir, "server", "request-hook.mjs"))).toBe(true);
    expect(existsSync(path.join(server.appDir, "app"))).toBe(false);
  });

  it("runs with a read-only root and app folder, writable only in the data dir and /tmp", () => {
    if (server.readOnly === "mount") {
      // Mount points as the server process sees them: "<id> <parent> <dev> <root> <mount point> <options> …".
      const mounts = readFileSync(`/proc/${server.pid}/mountinfo`, "utf8")
        .split("\n")
        .map((line) => line.split(" "))
        .filter((f) => f.length > 5);
      const options = (point: string) => mounts.findLast((f) => f[4] === point)?.[5]?.split(",");
      expect(options("/")).toContain("ro");
      expect(options(server.appDir)).toContain("ro");
      expect(options("/tmp")).toContain("rw");
    } else {
      expect(statSync(path.join(server.appDir, "server.js")).mode & 0o222).toBe(0);
    }
  });

  it("answers its probes and metrics", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(await ready.json()).toEqual({ status: "ready", checks: { config: "ok", store: "ok" } });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^spire_console_http_requests_total\{route="\/healthz",method="GET",status="200"\} [1-9]/m);
  });

  it("signs a user in through the provider's form and shows foo's entries", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/entries?server=foo&view=table`);
      const user = demoUser("admin");
      await page.getByLabel("Username").fill(user.username);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.origin === server.url && url.pathname === "/entries");
      const entries = new EntriesPage(page);
      await entries.rows().first().waitFor();
      const cli = await spireServerJson<{ entries: unknown[] }>("foo", ["entry", "show"], stackState());
      expect(await entries.rows().count()).toBe(cli.entries.length);
      await entries.screenshot("standalone-entries");
    } finally {
      await context.close();
    }
    // The session went to the declared data dir, the only writable place besides /tmp.
    expect(existsSync(path.join(server.dataDir, "console.sqlite"))).toBe(true);
    expect(server.log()).not.toMatch(/EROFS|read-only file system|EACCES/i);
  });
});
