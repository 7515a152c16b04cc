// Seeds registration entries into a server exactly once (marker file in its data dir),
// through `spire-server entry create -data <file>` (SPIRE's registration JSON format).
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { SpireBinaries } from "./build-spire.ts";
import { say, StackError } from "./log.ts";
import type { StackPaths } from "./paths.ts";
import { getServerPaths } from "./paths.ts";
import { runServerCliJson } from "./spire-cli.ts";

/** One entry in the `entry create -data` JSON format (snake_case; `entryExpiry` is epoch seconds). */
export interface SeedEntry {
  spiffe_id: string;
  parent_id: string;
  selectors: { type: string; value: string }[];
  federates_with?: string[];
  dns_names?: string[];
  admin?: boolean;
  downstream?: boolean;
  hint?: string;
  entryExpiry?: number;
  x509_svid_ttl?: number;
  jwt_svid_ttl?: number;
}

/** Builds a SeedEntry from "type:value" selector strings. */
export function entry(
  spiffeId: string,
  parentId: string,
  selectors: readonly string[],
  extra: Omit<SeedEntry, "spiffe_id" | "parent_id" | "selectors"> = {},
): SeedEntry {
  const parsed = selectors.map((s) => {
    const colon = s.indexOf(":");
    return { type: s.slice(0, colon), value: s.slice(colon + 1) };
  });
  return { spiffe_id: spiffeId, parent_id: parentId, selectors: parsed, ...extra };
}

interface CreateResponse {
  results: { status: { code: number; message: string }; entry?: { spiffe_id?: { path?: string } } }[];
}

const ALREADY_EXISTS = 6;

/** Creates `entries` on the server unless it was seeded before; returns how many were created. */
export async function ensureSeeded(
  paths: StackPaths,
  bin: SpireBinaries,
  serverName: string,
  entries: SeedEntry[],
): Promise<number> {
  const sp = getServerPaths(paths, serverName);
  if (existsSync(sp.seedMarkerPath)) {
    say(`${serverName}: entries already seeded (${sp.seedMarkerPath}); leaving them alone`);
    return 0;
  }
  const dataFile = path.join(sp.dir, "seed-entries.json");
  writeFileSync(dataFile, JSON.stringify({ entries }, null, 2) + "\n");
  const response = await runServerCliJson<CreateResponse>(bin.spireServer, sp.socketPath, [
    "entry",
    "create",
    "-data",
    dataFile,
  ]);
  const failed = response.results.filter((r) => r.status.code !== 0 && r.status.code !== ALREADY_EXISTS);
  if (failed.length > 0) {
    const first = failed[0];
    throw new StackError(
      `${serverName}: ${failed.length} seed entries were rejected, first: ${first?.entry?.spiffe_id?.path} (${first?.status.message})`,
    );
  }
  const created = response.results.filter((r) => r.status.code === 0).length;
  writeFileSync(
    sp.seedMarkerPath,
    JSON.stringify({ seededAt: new Date().toISOString(), entries: entries.length }) + "\n",
  );
  say(
    `${serverName}: seeded ${created} registration entries${created < entries.length ? ` (${entries.length - created} already existed)` : ""}`,
  );
  return created;
}
