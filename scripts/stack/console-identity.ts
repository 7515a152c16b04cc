// The console's registration entry on foo (spiffe://foo.example.com/console under foo-agent-1,
// selector unix:uid:<the stack user>, federated with bar) and the knobs tests turn: the
// entry's X509-SVID TTL and a server's admin_ids. See console-config.ts for console.json.
import { readFileSync, rmSync, writeFileSync } from "node:fs";

import type { SpireBinaries } from "./build-spire.ts";
import { serverComponent } from "./components.ts";
import { CONSOLE_HINT, CONSOLE_SPIFFE_ID } from "./console-config.ts";
import { waitHealthy } from "./health.ts";
import { say } from "./log.ts";
import type { StackPaths } from "./paths.ts";
import { getServerPaths, getStackPaths } from "./paths.ts";
import { startDetached, stopProcess } from "./process.ts";
import { type CliEntry, idToString, runServerCliJson } from "./spire-cli.ts";

export { CONSOLE_SPIFFE_ID } from "./console-config.ts";

/** The trust domains the console's SVID must carry bundles for (the servers it reaches over TCP). */
const FEDERATES_WITH = ["bar.example.com"];

type EntryWithTtl = CliEntry & { x509_svid_ttl?: number };

interface EntryTarget {
  bin: string;
  socketPath: string;
}

async function findConsoleEntry(t: EntryTarget): Promise<EntryWithTtl | null> {
  const shown = await runServerCliJson<{ entries?: EntryWithTtl[] | null }>(t.bin, t.socketPath, [
    "entry",
    "show",
    "-spiffeID",
    CONSOLE_SPIFFE_ID,
  ]);
  return shown.entries?.[0] ?? null;
}

function entryArgs(parentId: string, uid: number, ttlSeconds: number): string[] {
  return [
    "-spiffeID",
    CONSOLE_SPIFFE_ID,
    "-parentID",
    parentId,
    "-selector",
    `unix:uid:${uid}`,
    ...FEDERATES_WITH.flatMap((td) => ["-federatesWith", td]),
    "-hint",
    CONSOLE_HINT,
    "-x509SVIDTTL",
    String(ttlSeconds),
  ];
}

/**
 * Creates the console's entry on foo, or fixes it when its parent, selector or federation
 * drifted (e.g. foo-agent-1 re-attested). `ttlSeconds` 0 means the server default (1h).
 */
export async function ensureConsoleIdentity(
  paths: StackPaths,
  bin: SpireBinaries,
  agent1Id: string,
  uid: number,
  ttlSeconds = 0,
): Promise<void> {
  const target = { bin: bin.spireServer, socketPath: getServerPaths(paths, "foo").socketPath };
  const existing = await findConsoleEntry(target);
  const selectors = existing?.selectors.map((s) => `${s.type}:${s.value}`) ?? [];
  const current =
    existing &&
    idToString(existing.parent_id) === agent1Id &&
    selectors.length === 1 &&
    selectors[0] === `unix:uid:${uid}` &&
    FEDERATES_WITH.every((td) => existing.federates_with.includes(td)) &&
    existing.hint === CONSOLE_HINT &&
    (existing.x509_svid_ttl ?? 0) === ttlSeconds;
  if (current) {
    say(`foo: console identity ${CONSOLE_SPIFFE_ID} already registered`);
    return;
  }
  const args = existing ? ["entry", "update", "-entryID", existing.id] : ["entry", "create"];
  await runServerCliJson(target.bin, target.socketPath, [...args, ...entryArgs(agent1Id, uid, ttlSeconds)]);
  say(
    `foo: ${existing ? "updated" : "registered"} the console identity ${CONSOLE_SPIFFE_ID} (unix:uid:${uid} on foo-agent-1, federates with ${FEDERATES_WITH.join(", ")})`,
  );
}

/**
 * Sets the X509-SVID TTL of the console's entry (0 = server default). The agent re-issues the
 * SVID within seconds (the entry's revision changed) and then rotates it at half-life.
 */
export async function setConsoleSvidTtl(stackDir: string, ttlSeconds: number, bin: string): Promise<void> {
  const paths = getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: stackDir });
  const target = { bin, socketPath: getServerPaths(paths, "foo").socketPath };
  const existing = await findConsoleEntry(target);
  if (!existing) throw new Error(`no entry for ${CONSOLE_SPIFFE_ID} on foo: run stack:up`);
  const uid =
    existing.selectors.find((s) => s.type === "unix")?.value.replace(/^uid:/, "") ?? String(process.getuid?.() ?? 0);
  await runServerCliJson(target.bin, target.socketPath, [
    "entry",
    "update",
    "-entryID",
    existing.id,
    ...entryArgs(idToString(existing.parent_id), Number(uid), ttlSeconds),
  ]);
}

/**
 * Restarts a stack server with different `admin_ids` (rewrites that line of its server.conf).
 * The next `stack:up` renders the config from topology.ts again and restarts it back.
 */
export async function restartServerWithAdminIds(
  stackDir: string,
  serverName: string,
  adminIds: readonly string[],
): Promise<void> {
  const paths = getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: stackDir });
  const { spec, socketPath } = serverComponent(paths, serverName);
  const config = readFileSync(spec.configPath, "utf8");
  const line = /^(\s*)admin_ids = \[.*\]$/m;
  if (!line.test(config)) throw new Error(`no admin_ids line in ${spec.configPath}`);
  writeFileSync(
    spec.configPath,
    config.replace(
      line,
      (_m, indent: string) => `${indent}admin_ids = [${adminIds.map((id) => JSON.stringify(id)).join(", ")}]`,
    ),
  );
  await stopProcess(spec);
  rmSync(socketPath, { force: true });
  startDetached(spec);
  await waitHealthy({ label: serverName, spec, socketPath });
}
