// Host and proxy-header tricks against the console: DNS rebinding, /metrics by name, users asserted in
// headers, X-Forwarded-Host, oversized headers and odd path encodings. Nothing changes in SPIRE.
import { describe, expect, inject, it } from "vitest";

import { consoleFetch } from "../support/api";
import { consoleUrl, create, expectNoEntryCreated, rawGet } from "../support/auth-bad-inputs";

expectNoEntryCreated();

describe("hosts, proxies and headers", () => {
  it("refuses a foreign Host on the API (DNS rebinding) with 421", async () => {
    const result = await rawGet("/api/servers", {
      host: "rebind.evil.example",
      authorization: `Bearer ${inject("consoleToken")}`,
    });
    expect(result.status).toBe(421);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: "misdirected_request" } });
  });

  it("refuses a foreign Host on a page with 421", async () => {
    expect((await rawGet("/entries", { host: "rebind.evil.example" })).status).toBe(421);
  });

  it("answers /metrics on the UI port to its own host and to an IP address, not to a rebound name", async () => {
    const port = new URL(consoleUrl()).port;
    expect((await rawGet("/metrics", { host: "rebind.evil.example" })).status).toBe(421);
    expect((await rawGet("/metrics", { host: `rebind.evil.example:${port}` })).body).not.toMatch(/^# HELP/m);
    for (const host of [`127.0.0.1:${port}`, `10.1.2.3:${port}`]) {
      const answer = await rawGet("/metrics", { host });
      expect(answer.status, host).toBe(200);
      expect(answer.body).toMatch(/^# HELP/m);
    }
  });

  it("accepts localhost on the listening port as well as 127.0.0.1", async () => {
    const port = new URL(consoleUrl()).port;
    const result = await rawGet("/api/me", {
      host: `localhost:${port}`,
      authorization: `Bearer ${inject("consoleToken")}`,
    });
    expect(result.status).toBe(200);
  });

  it("believes no user asserted in headers by an untrusted client", async () => {
    const result = await create({
      "x-forwarded-user": "admin",
      "x-forwarded-groups": "spire-admins",
      origin: consoleUrl(),
    });
    expect(result.status).toBe(401);
  });

  it("ignores X-Forwarded-Host from an untrusted client when building the sign-in redirect", async () => {
    const response = await fetch(`${consoleUrl()}/auth/login`, {
      headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      redirect: "manual",
    });
    const location = new URL(response.headers.get("location")!);
    expect(location.searchParams.get("redirect_uri")).toBe(`${consoleUrl()}/auth/callback`);
  });

  it("answers oversized headers with 431 before anything runs", async () => {
    const result = await rawGet("/api/me", { cookie: `big=${"c".repeat(20_000)}` });
    expect(result.status).toBe(431);
  });

  it.each([["%25"], ["%E0%A4%A"], ["..%2F..%2Fetc%2Fpasswd"]])(
    "answers an odd path encoding (%s) with 400 or 404, never 500",
    async (segment) => {
      const response = await consoleFetch(`/api/servers/foo/entries/${segment}`);
      expect([400, 404]).toContain(response.status);
    },
  );
});
