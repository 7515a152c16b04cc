// Rate limits on a console started with low limits: the third sign-in or change within a minute gets 429 with
// Retry-After, and the refused change reaches no server.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { cliCount, expectNoEntryCreated, run } from "../support/auth-bad-inputs";
import { type RunningConsole, startConsole } from "../support/console-server";

expectNoEntryCreated();

describe("rate limits", () => {
  let limited: RunningConsole;
  beforeAll(async () => {
    const config = JSON.parse(readFileSync(path.join(inject("stackDir"), "console.json"), "utf8")) as {
      auth: Record<string, unknown>;
    };
    config.auth.rateLimits = { signInPerMinute: 2, mutationsPerMinute: 2 };
    const file = path.join(inject("stackDir"), `console-rate-limited-${run}.json`);
    writeFileSync(file, JSON.stringify(config));
    limited = await startConsole({ SPIRE_CONSOLE_CONFIG: file });
  }, 90_000);
  afterAll(async () => {
    await limited?.stop();
  });

  it("answers the third sign-in within a minute from one address with 429 and Retry-After", async () => {
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 3; i++) {
      last = await fetch(`${limited.url}/auth/login`, { redirect: "manual" });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([303, 303, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await last!.text()).toMatch(/Too many sign-in attempts/);
  });

  it("answers the third change within a minute by one principal with 429 and Retry-After", async () => {
    const before = await cliCount();
    const auth = { authorization: `Bearer ${inject("consoleToken")}`, "content-type": "application/json" };
    const send = () =>
      fetch(`${limited.url}/api/servers/foo/federations/bar.example.com/refresh`, {
        method: "POST",
        headers: auth,
        body: "{}",
      });
    const statuses = [(await send()).status, (await send()).status];
    const third = await send();
    expect(statuses).toEqual([204, 204]);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe("too_many_requests");
    expect(await cliCount()).toBe(before);
  });
});
