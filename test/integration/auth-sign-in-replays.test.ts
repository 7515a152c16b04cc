// The sign-in flow under attack: replayed callbacks, missing or tampered login state, a forged state, and
// open redirects through returnTo. Nothing changes in SPIRE.
import { describe, expect, it } from "vitest";

import { signInUntilCallback } from "../support/auth";
import { consoleUrl, expectNoEntryCreated, SESSION } from "../support/auth-bad-inputs";

expectNoEntryCreated();

describe("the sign-in flow", () => {
  it("cannot be replayed: the same callback a second time starts no session", async () => {
    const { agent, callback } = await signInUntilCallback("viewer");
    const loginCookie = agent.cookies(consoleUrl()).get("spire-console-login")!;
    const first = await agent.request(callback);
    expect(first.status).toBe(303);
    expect(agent.cookies(consoleUrl()).has(SESSION)).toBe(true);
    const replay = await fetch(callback, {
      headers: { cookie: `spire-console-login=${loginCookie}` },
      redirect: "manual",
    });
    expect(replay.status).toBe(303);
    // The sealed login state is single-use: refused before the provider is asked about the code again.
    expect(replay.headers.get("location")).toMatch(/\/auth\/error\?reason=expired/);
    expect(replay.headers.getSetCookie().some((c) => c.startsWith(`${SESSION}=`) && !/Max-Age=0/.test(c))).toBe(false);
  });

  it("refuses a callback without its login-state cookie", async () => {
    const { callback } = await signInUntilCallback("viewer");
    const response = await fetch(callback, { redirect: "manual" });
    expect(response.headers.get("location")).toMatch(/\/auth\/error\?reason=expired/);
  });

  it("refuses a callback with a tampered login-state cookie", async () => {
    const { agent, callback } = await signInUntilCallback("viewer");
    const tampered = `${agent.cookies(consoleUrl()).get("spire-console-login")!.slice(0, -3)}abc`;
    const response = await fetch(callback, {
      headers: { cookie: `spire-console-login=${tampered}` },
      redirect: "manual",
    });
    expect(response.headers.get("location")).toMatch(/\/auth\/error\?reason=expired/);
  });

  it("refuses a callback whose state does not match", async () => {
    const { agent, callback } = await signInUntilCallback("viewer");
    callback.searchParams.set("state", "forged-state");
    const response = await agent.request(callback);
    expect(response.headers.get("location")).toMatch(/\/auth\/error\?reason=refused/);
  });

  it.each([
    ["https://evil.example/"],
    ["//evil.example/"],
    ["/\\evil.example"],
    ["javascript:alert(1)"],
    ["/auth/logout"],
  ])("never returns to %s after signing in (open redirect)", async (returnTo) => {
    const { agent, callback } = await signInUntilCallback("viewer", returnTo);
    const response = await agent.request(callback);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${consoleUrl()}/`);
  });

  it("returns to a local path after signing in", async () => {
    const { agent, callback } = await signInUntilCallback("viewer", "/entries?server=foo");
    const response = await agent.request(callback);
    expect(response.headers.get("location")).toBe(`${consoleUrl()}/entries?server=foo`);
  });
});
