// The CLI's side of the entries-as-code apply: `spire-server entry create -data` of a file of new
// entries (one BatchCreateEntry call for all of them), then `entry delete -file` of their IDs, so the
// bench server holds what it held before. What SPIRE itself takes for the creates the apply sends.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { runServerCli } from "../stack/spire-cli.ts";
import { timeIt } from "./measure.ts";

/** A new entry in the CLI's `-data` JSON (snake case, as `entry show -output json` prints it). */
export type CliEntry = {
  entry_id: string;
  spiffe_id: string;
  parent_id: string;
  selectors: { type: string; value: string }[];
  x509_svid_ttl: number;
};

type CreateOutput = { results?: { status?: { code?: number } }[] };

/** The CLI may take minutes for 10,000 creates on a slow datastore: the bench prints how long, met or not. */
const CLI_TIMEOUT_MS = 30 * 60_000;
const cli = (bin: string, socketPath: string, args: string[]) =>
  runServerCli(bin, socketPath, args, { timeoutMs: CLI_TIMEOUT_MS });

/** Creates `entries` with the CLI and deletes them again; the two times and how many it created. */
export async function cliCreateThenDelete(
  spireServer: string,
  socketPath: string,
  entries: CliEntry[],
  workDir: string,
): Promise<{ createMs: number; deleteMs: number; created: number }> {
  mkdirSync(workDir, { recursive: true });
  const dataFile = path.join(workDir, "cli-create.json");
  const idsFile = path.join(workDir, "cli-delete.json");
  writeFileSync(dataFile, JSON.stringify({ entries }));
  writeFileSync(idsFile, JSON.stringify({ ids: entries.map((e) => e.entry_id) }));
  let output = "";
  const createMs = await timeIt(async () => {
    output = await cli(spireServer, socketPath, ["entry", "create", "-data", dataFile, "-output", "json"]);
  });
  const results = (JSON.parse(output) as CreateOutput).results ?? [];
  const created = results.filter((r) => (r.status?.code ?? 0) === 0).length;
  const deleteMs = await timeIt(() =>
    cli(spireServer, socketPath, ["entry", "delete", "-file", idsFile, "-output", "json"]),
  );
  return { createMs, deleteMs, created };
}
