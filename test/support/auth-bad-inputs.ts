// Shared by the auth bad-input tests (test/integration/auth-*.test.ts): a create that only the credential
// decides, a raw GET with any Host, and the CLI's entry count as the witness that no bad input created anything.
import { request as httpRequest } from "node:http";

import { afterAll, beforeAll, expect, inject } from "vitest";

import { type CliEntry, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { stackState } from "./api";
import type { signInOverHttp } from "./auth";

export const consoleUrl = () => inject("consoleUrl");
/** Unique per test file run: names of tokens, entries and configs it makes. */
export const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
export const SESSION = "spire-console-session";

/** Entries on foo, as the `spire-server` CLI shows them. */
export const cliCount = async () =>
  ((await spireServerJson<{ entries: CliEntry[] | null }>("foo", ["entry", "show"], stackState())).entries ?? [])
    .length;

/** Registers the witness: foo's entry count after the file's tests equals the count before them. */
export function expectNoEntryCreated(): void {
  let entriesBefore = 0;
  beforeAll(async () => {
    entriesBefore = await cliCount();
  });
  afterAll(async () => {
    expect(await cliCount(), "no bad input may have created an entry").toBe(entriesBefore);
  });
}

/** A valid create body for team A (so only the credential decides). */
const body = () =>
  JSON.stringify({
    spiffeId: `spiffe://foo.example.com/team-a/bad-input-${run}-${Math.random().toString(36).slice(2, 8)}`,
    parentId: stackState().servers.find((s) => s.name === "foo")!.agents[0]!.spiffeId,
    selectors: [{ type: "unix", value: "uid:4242" }],
  });

/** A create through `headers` only (no default token); returns status and error. */
export async function create(headers: Record<string, string>) {
  const response = await fetch(`${consoleUrl()}/api/servers/foo/entries`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: body(),
  });
  const json = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  return { status: response.status, error: json.error, response };
}

/** A raw GET with any Host and headers (fetch would not let a test set Host). */
export function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const target = new URL(path, consoleUrl());
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, headers },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** The session cookie a signed-in HTTP agent holds for the console. */
export const sessionOf = (agent: Awaited<ReturnType<typeof signInOverHttp>>) =>
  agent.cookies(consoleUrl()).get(SESSION)!;
