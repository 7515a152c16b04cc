// Helpers of the entries-as-code integration tests: seeding through SPIRE's own CLI (BatchCreate),
// reading back with it as the witness, and calling the console's plan/apply API and the CLI.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { inject } from "vitest";

import { repoRoot } from "../../scripts/lib/console-server.ts";
import { type CliEntry, idToString, spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, refreshEntryIndex, stackState } from "../support/api";

export const td = "foo.example.com";
export const AGENT = `spiffe://${td}/spire/agent/x509pop/it-eac-host`;
export const base = "/api/servers/foo";

export type Sent<T> = { status: number; body: T };

/** A console API call as the test run's admin; JSON in, JSON out (or text for the export). */
export async function send<T>(method: string, url: string, body?: unknown): Promise<Sent<T>> {
  const response = await consoleFetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = response.headers.get("content-type") ?? "";
  const parsed =
    type.includes("json") && !url.includes("/entries/export") ? await response.json() : await response.text();
  return { status: response.status, body: parsed as T };
}

export function tempFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "spc-eac-")), name);
  writeFileSync(file, text);
  return file;
}

/** Creates entries with `spire-server entry create -data` (one BatchCreateEntry call). */
export async function cliCreate(rows: Record<string, unknown>[]): Promise<void> {
  await spireServer(
    "foo",
    ["entry", "create", "-data", tempFile("seed.json", JSON.stringify({ entries: rows }))],
    stackState(),
  );
}

export type CliShown = CliEntry & { id: string; revision_number?: number; hint?: string; dns_names?: string[] };

/** Every entry SPIRE has under a SPIFFE-ID prefix (the CLI lists all and we filter: it has no prefix filter). */
export async function cliUnder(prefix: string): Promise<CliShown[]> {
  const all = await spireServerJson<{ entries: CliShown[] | null }>("foo", ["entry", "show"], stackState());
  return (all.entries ?? []).filter((e) => idToString(e.spiffe_id).startsWith(prefix));
}

export async function cliById(id: string): Promise<CliShown | null> {
  const shown = await spireServerJson<{ entries: CliShown[] | null }>(
    "foo",
    ["entry", "show", "-entryID", id],
    stackState(),
  ).catch(() => ({ entries: null }));
  return shown.entries?.[0] ?? null;
}

/** Walks foo's entries again and waits, so the index sees what the CLI did. */
export async function refreshIndex(): Promise<void> {
  const answer = await refreshEntryIndex("foo");
  if (answer.status !== 200) throw new Error(`index refresh answered ${answer.status}`);
}

/** Runs the spire-console CLI against the test console; resolves with its exit code and output. */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "scripts/cli/spire-console.mjs"), ...args], {
      env: {
        ...process.env,
        SPIRE_CONSOLE_URL: inject("consoleUrl"),
        SPIRE_CONSOLE_TOKEN: inject("consoleToken"),
        SPIRE_CONSOLE_SERVER: "foo",
        ...env,
      },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, out, err }));
  });
}
