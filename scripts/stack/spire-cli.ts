// Runs the spire-server CLI against a stack server and parses `-output json`.
// Used by the stack scripts and importable from tests.
import { type RunOptions, runOrThrow } from "./exec.ts";
import type { StackState } from "./state.ts";
import { getStackServer, readStackState } from "./state.ts";

/** A SPIFFE ID as the CLI's JSON prints it. */
export interface CliSpiffeId {
  trust_domain: string;
  path: string;
}

export interface CliSelector {
  type: string;
  value: string;
}

/** One agent from `agent list -output json` (only the fields the stack uses). */
export interface CliAgent {
  id: CliSpiffeId;
  attestation_type: string;
  selectors: CliSelector[];
  x509svid_expires_at: string;
  banned: boolean;
}

/** One entry from `entry show -output json` (proto field names; int64 values are strings). */
export interface CliEntry {
  id: string;
  spiffe_id: CliSpiffeId;
  parent_id: CliSpiffeId;
  selectors: CliSelector[];
  federates_with: string[];
  dns_names: string[];
  admin: boolean;
  downstream: boolean;
  hint: string;
  expires_at: string;
}

/** "spiffe://td/path" from the CLI's `{ trust_domain, path }` form. */
export function idToString(id: CliSpiffeId): string {
  return `spiffe://${id.trust_domain}${id.path}`;
}

/** Inserts `-socketPath` after the subcommand words: ["entry", "show", ...flags]. */
export function withSocket(socketPath: string, args: readonly string[]): string[] {
  const firstFlag = args.findIndex((a) => a.startsWith("-"));
  const split = firstFlag === -1 ? args.length : firstFlag;
  return [...args.slice(0, split), "-socketPath", socketPath, ...args.slice(split)];
}

/** Runs `spire-server <args> -socketPath <socket>` and returns stdout; throws on failure. */
export async function runServerCli(
  bin: string,
  socketPath: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<string> {
  return (await runOrThrow(bin, withSocket(socketPath, args), options)).stdout;
}

/** Like `runServerCli` with `-output json`, parsed. */
export async function runServerCliJson<T>(bin: string, socketPath: string, args: readonly string[]): Promise<T> {
  return JSON.parse(await runServerCli(bin, socketPath, [...args, "-output", "json"])) as T;
}

/** Runs spire-server against the named stack server (from stack.json), e.g. `spireServer("foo", ["agent", "list"])`. */
export async function spireServer(
  serverName: string,
  args: readonly string[],
  state: StackState = readStackState(),
): Promise<string> {
  return runServerCli(state.bin.spireServer, getStackServer(state, serverName).socketPath, args);
}

/**
 * `spireServer` with `-output json`, parsed, e.g.
 * `spireServerJson<{ entries: CliEntry[] }>("foo", ["entry", "show"])`.
 */
export async function spireServerJson<T>(
  serverName: string,
  args: readonly string[],
  state: StackState = readStackState(),
): Promise<T> {
  return runServerCliJson<T>(state.bin.spireServer, getStackServer(state, serverName).socketPath, args);
}
