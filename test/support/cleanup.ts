// Seeding stale data for the clean-up tests: entries and agents made with the spire-server CLI,
// and one agent aged in SPIRE's own datastore as if it had gone away weeks ago.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

import { inject } from "vitest";

import { getServerPaths, getStackPaths } from "../../scripts/stack/paths.ts";
import { spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, consoleFetch, stackState } from "./api";

export const TD = "foo.example.com";
export const id = (p: string) => `spiffe://${TD}${p}`;

/** `spire-server entry create` on foo; returns the new entry's ID. */
export async function cliCreate(spiffeId: string, parentId: string, selector: string, ...flags: string[]) {
  const out = await spireServerJson<{
    results: { status: { code: number; message: string }; entry?: { id: string } }[];
  }>(
    "foo",
    ["entry", "create", "-spiffeID", spiffeId, "-parentID", parentId, "-selector", selector, ...flags],
    stackState(),
  );
  const result = out.results[0]!;
  if (!result.entry) throw new Error(`entry create ${spiffeId}: ${result.status.message}`);
  return result.entry.id;
}

/** Whether `spire-server entry show -entryID` still finds the entry. */
export async function cliHasEntry(entryId: string): Promise<boolean> {
  const out = await spireServerJson<{ entries: unknown[] | null }>(
    "foo",
    ["entry", "show", "-entryID", entryId],
    stackState(),
  ).catch(() => ({ entries: [] }));
  return (out.entries ?? []).length > 0;
}

/** `spire-server entry count` and `agent count` on foo. */
export async function cliCounts(): Promise<{ entries: string; agents: string }> {
  const [entries, agents] = await Promise.all([
    spireServer("foo", ["entry", "count"], stackState()),
    spireServer("foo", ["agent", "count"], stackState()),
  ]);
  return { entries: entries.trim(), agents: agents.trim() };
}

/**
 * Makes an attested (and stopped) agent look as if its SVID expired `days` ago, in foo's sqlite
 * datastore: the state an agent is in weeks after its machine was decommissioned.
 */
export function ageAgent(spiffeId: string, days: number): void {
  setAgentExpiry(spiffeId, new Date(Date.now() - days * 86_400_000));
}

/** Sets a (stopped) agent's SVID expiry in foo's sqlite datastore, as SPIRE reports it in `agent list`. */
export function setAgentExpiry(spiffeId: string, expiresAt: Date): void {
  const paths = getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: inject("stackDir") });
  const db = new DatabaseSync(path.join(getServerPaths(paths, "foo").dataDir, "datastore.sqlite3"));
  try {
    db.exec("PRAGMA busy_timeout = 10000");
    const at = expiresAt.toISOString().replace("T", " ").slice(0, 19);
    const changed = db
      .prepare("UPDATE attested_node_entries SET expires_at = ?, new_expires_at = NULL WHERE spiffe_id = ?")
      .run(`${at}+00:00`, spiffeId).changes;
    if (changed !== 1) throw new Error(`agent ${spiffeId} is not in foo's datastore`);
  } finally {
    db.close();
  }
}

/**
 * SPIRE removes expired entries every 5 minutes from its start (registration manager
 * `_pruningCadence`): wait out the next run when it is less than `margin` seconds away, so an
 * expired entry seeded now stays until the test is done with it.
 */
export async function avoidEntryPruner(margin = 60): Promise<void> {
  const res = await apiGet<{ servers: { name: string; uptimeSeconds: number | null }[] }>("/api/servers");
  const uptime = res.body.servers.find((s) => s.name === "foo")?.uptimeSeconds ?? 0;
  const untilNext = 300 - (uptime % 300);
  if (untilNext < margin) await new Promise((r) => setTimeout(r, (untilNext + 3) * 1000));
}

export type Finding = { key: string; kind: string; reasons: string[]; controllerOwned: string[] };
export type Report = { findings: Finding[]; excluded: Finding[] };

/** GET the clean-up report of foo (with a token when given). */
export async function cleanupReport(query = ""): Promise<Report> {
  const res = await apiGet<Report>(`/api/servers/foo/cleanup${query}`);
  if (res.status !== 200) throw new Error(`cleanup answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** POSTs a selection to the dry run or the apply. */
export async function postCleanup(step: "dry-run" | "apply", keys: string[], token?: string) {
  const response = await consoleFetch(`/api/servers/foo/cleanup/${step}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ keys }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const uuid = () => randomUUID();
