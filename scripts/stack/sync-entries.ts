// Keeps a set of entries with fixed IDs (all starting with one prefix) in a server, through the
// spire-server CLI: entries of the prefix that are not wanted, or differ, are deleted, missing
// ones created. Pods and nodes may be re-seeded with new UIDs, so this runs on every `stack:up`.
import type { SpireBinaries } from "./build-spire.ts";
import type { CliEntry } from "./spire-cli.ts";
import { idToString, runServerCli, runServerCliJson } from "./spire-cli.ts";

export type WantedEntry = {
  id: string;
  spiffeId: string;
  parentId: string;
  selectors: string[];
  federatesWith?: string[];
};

const same = (e: CliEntry, w: WantedEntry) =>
  idToString(e.spiffe_id) === w.spiffeId &&
  idToString(e.parent_id) === w.parentId &&
  e.selectors
    .map((s) => `${s.type}:${s.value}`)
    .sort()
    .join() === [...w.selectors].sort().join() &&
  [...(e.federates_with ?? [])].sort().join() === [...(w.federatesWith ?? [])].sort().join();

/** Makes the server's entries whose ID starts with `${prefix}.` exactly `wanted`; returns how many were (re)created. */
export async function syncEntries(
  bin: SpireBinaries,
  socketPath: string,
  prefix: string,
  wanted: readonly WantedEntry[],
): Promise<number> {
  const cli = (args: string[]) => runServerCli(bin.spireServer, socketPath, args);
  const { entries = [] } = await runServerCliJson<{ entries?: CliEntry[] }>(bin.spireServer, socketPath, [
    "entry",
    "show",
  ]);
  const ours = entries.filter((e) => e.id.startsWith(`${prefix}.`));
  for (const e of ours) {
    const want = wanted.find((w) => w.id === e.id);
    if (!want || !same(e, want)) await cli(["entry", "delete", "-entryID", e.id]);
  }
  let created = 0;
  for (const w of wanted) {
    const existing = ours.find((e) => e.id === w.id);
    if (existing && same(existing, w)) continue;
    await cli([
      "entry",
      "create",
      "-entryID",
      w.id,
      "-spiffeID",
      w.spiffeId,
      "-parentID",
      w.parentId,
      ...w.selectors.flatMap((s) => ["-selector", s]),
      ...(w.federatesWith ?? []).flatMap((td) => ["-federatesWith", `spiffe://${td}`]),
    ]);
    created += 1;
  }
  return created;
}
