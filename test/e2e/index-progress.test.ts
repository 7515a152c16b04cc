// Issue 14, item 3: while the first walk of the entry index runs, the Entries tree, and the Agents
// page and the entry table filtered by part of an ID (which the index answers), say how far it got and fill in by
// themselves once it is built. The walk is held up for real: foo's SPIRE server is frozen
// (SIGSTOP) before a console of our own, which has no index yet, is asked for anything; calls to
// foo get 2 minutes, so nothing fails meanwhile. SIGCONT lets the walk finish.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { serverComponent } from "../../scripts/stack/components.ts";
import { getStackPaths } from "../../scripts/stack/paths.ts";
import { runningPid } from "../../scripts/stack/process.ts";
import { consoleFetch } from "../support/api";
import { type RunningConsole, startConsole } from "../support/console-server";
import { launchBrowser, saveScreenshot } from "./support/browser";

let browser: Browser;
let own: RunningConsole | undefined;
let fooPid: number | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
  const stackConfig = JSON.parse(readFileSync(path.join(inject("stackDir"), "console.json"), "utf8")) as {
    servers: { name: string }[];
  };
  const servers = stackConfig.servers.map((s) => (s.name === "foo" ? { ...s, timeoutMs: 120_000 } : s));
  const config = path.join(mkdtempSync(path.join(tmpdir(), "index-progress-")), "console.json");
  writeFileSync(config, JSON.stringify({ ...stackConfig, servers }));
  own = await startConsole({ SPIRE_CONSOLE_CONFIG: config });
  const foo = serverComponent(getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: inject("stackDir") }), "foo");
  fooPid = runningPid(foo.spec);
});

afterAll(async () => {
  if (fooPid) process.kill(fooPid, "SIGCONT");
  await browser?.close();
  await own?.stop();
});

/** Opens a path of our own console in a fresh context that sends the run's admin token. */
async function open(pathAndQuery: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    extraHTTPHeaders: { authorization: `Bearer ${inject("consoleToken")}` },
  });
  const page = await context.newPage();
  await page.goto(`${own!.url}${pathAndQuery}`);
  return page;
}

describe("pages that need the entry index while its first walk runs", () => {
  it("show how far the walk got, then fill in by themselves", async () => {
    expect(fooPid).not.toBeNull();
    process.kill(fooPid!, "SIGSTOP");
    let frozen = true;
    try {
      const tree = await open("/entries?server=foo");
      const agents = await open(`/agents?server=foo&spiffeIdContains=${encodeURIComponent("/spire/agent/")}`);
      const table = await open("/entries?server=foo&view=table&spiffeIdContains=foo.example.com");
      for (const page of [tree, agents, table]) {
        await page.getByRole("status").filter({ hasText: "Building the entry index of foo…" }).waitFor();
        await expect(page.getByTestId("index-progress").textContent()).resolves.toMatch(
          /^Indexed 0 entries so far( in \d+ s)?; SPIRE has not said how many there are yet\.$/,
        );
      }
      // The API says the same: a 503 that tells the progress, and a status of "building".
      const level = await consoleFetch(`${own!.url}/api/servers/foo/entries/tree`);
      expect(level.status).toBe(503);
      expect(level.headers.get("retry-after")).toBe("2");
      expect(((await level.json()) as { error: { message: string } }).error.message).toMatch(
        /The entry index of foo is being built: 0 entries indexed so far/,
      );
      const status = (await (await consoleFetch(`${own!.url}/api/servers/foo/entries/index`)).json()) as {
        state: string;
        walking: { indexed: number } | null;
      };
      expect(status).toMatchObject({ state: "building", walking: { indexed: 0 } });
      await saveScreenshot(tree, "index-progress");

      process.kill(fooPid!, "SIGCONT");
      frozen = false;
      // Without a reload: the retried requests get their answers once the walk is done.
      await tree
        .locator('[data-testid="tree-row"][data-spiffe-id="spiffe://foo.example.com/spire/server"]')
        .waitFor({ timeout: 30_000 });
      await agents.getByTestId("agent-row").first().waitFor({ timeout: 30_000 });
      await table.getByTestId("entry-row").first().waitFor({ timeout: 30_000 });
      await expect(tree.getByTestId("index-progress").count()).resolves.toBe(0);
      await expect(agents.getByTestId("index-progress").count()).resolves.toBe(0);
      await expect(table.getByTestId("index-progress").count()).resolves.toBe(0);
      await tree.context().close();
      await agents.context().close();
      await table.context().close();
    } finally {
      if (frozen) process.kill(fooPid!, "SIGCONT");
    }
  });
});
