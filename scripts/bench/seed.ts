// Seeds the bench server with N entries through BatchCreateEntry, 1,000 per call, a few calls in
// flight: 999 node aliases, then workloads of which every fifth is parented to the bench agent
// (200,000 children at 1M: the "very large level") and the rest spread over the aliases.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";

const repoRoot = path.resolve(import.meta.dirname, "../..");
type Entry = {
  spiffeId: { trustDomain: string; path: string };
  parentId: { trustDomain: string; path: string };
  selectors: { type: string; value: string }[];
};
type BatchClient = grpc.Client & {
  batchCreateEntry: (
    req: object,
    opts: grpc.CallOptions,
    cb: (e: grpc.ServiceError | null, r: { results: { status: { code: number; message: string } }[] }) => void,
  ) => void;
};

function entryClient(socketPath: string): BatchClient {
  const def = protoLoader.loadSync(["spire/api/server/entry/v1/entry.proto"], {
    includeDirs: [path.join(repoRoot, "proto")],
    keepCase: false,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const pkg = grpc.loadPackageDefinition(def) as unknown as {
    spire: { api: { server: { entry: { v1: { Entry: grpc.ServiceClientConstructor } } } } };
  };
  return new pkg.spire.api.server.entry.v1.Entry(`unix://${socketPath}`, grpc.credentials.createInsecure(), {
    "grpc.max_receive_message_length": 64 * 1024 * 1024,
  }) as unknown as BatchClient;
}

/** How the entries are laid out; a stack seeded with another layout must be seeded afresh. */
const LAYOUT = 3;
/** Node aliases (entries parented to the server) seeded first. */
export const BENCH_ALIASES = 999;
/** Entries per BatchCreateEntry call, and calls in flight. */
const BATCH = 1000;
const IN_FLIGHT = 4;

/**
 * The i-th bench entry: 999 aliases first (node entries), then workloads: every fifth parented
 * to the bench agent, the others spread over the aliases (parent 999 stands for the agent).
 */
export function benchEntry(i: number, td: string, agentPath: string): Entry {
  const id = (p: string) => ({ trustDomain: td, path: p });
  if (i < BENCH_ALIASES)
    return {
      spiffeId: id(`/node/group-${i}`),
      parentId: id("/spire/server"),
      selectors: [{ type: "bench", value: `group:${i}` }],
    };
  const k = i - BENCH_ALIASES;
  const parent = k % 5 === 0 ? BENCH_ALIASES : Math.floor(k / 5) % BENCH_ALIASES;
  const parentPath = parent === BENCH_ALIASES ? agentPath : `/node/group-${parent}`;
  // No selector is shared by the agent's whole level: SPIRE checks every create for a similar
  // entry by intersecting the entries of each selector, so one shared by 200,000 makes seeding crawl.
  const shared = parent === BENCH_ALIASES ? `shard:${Math.floor(k / 5) % BENCH_ALIASES}` : `parent:${parent}`;
  return {
    spiffeId: id(`/workload/${parent}/w-${i}`),
    parentId: id(parentPath),
    selectors: [
      { type: "unix", value: `uid:${i}` },
      { type: "bench", value: shared },
    ],
  };
}

/** How many children the bench agent has when `count` entries are seeded. */
export function agentChildren(count: number): number {
  return count <= BENCH_ALIASES ? 0 : Math.ceil((count - BENCH_ALIASES) / 5);
}

type Marker = { count: number; agentPath: string; layout?: number };
type Progress = { count: number; agentPath: string; layout: number; done: number };

const readJson = <T>(file: string): T | null =>
  existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;

/** Calls BatchCreateEntry; entries that exist already (a resumed seed) count as created. */
async function createBatch(client: BatchClient, entries: Entry[]): Promise<void> {
  const response = await new Promise<{ results: { status: { code: number; message: string } }[] }>((resolve, reject) =>
    client.batchCreateEntry({ entries }, { deadline: Date.now() + 300_000 }, (e, r) => (e ? reject(e) : resolve(r))),
  );
  const failed = response.results.filter((r) => r.status.code !== 0 && r.status.code !== grpc.status.ALREADY_EXISTS);
  if (failed.length)
    throw new Error(`BatchCreateEntry rejected ${failed.length} entries: ${failed[0]?.status.message}`);
}

/**
 * Creates entries [0, count) unless the marker says they exist already. Returns the seconds taken
 * and the agent path the entries were parented to (an earlier run's agent keeps its entries).
 * A seed that stopped part-way resumes after the last batch below which every batch was done.
 */
export async function seedBench(
  socketPath: string,
  markerDir: string,
  count: number,
  td: string,
  agentId: string,
): Promise<{ seconds: number; agentPath: string }> {
  const marker = path.join(markerDir, "bench-seeded.json");
  const progressFile = path.join(markerDir, "bench-seeding.json");
  const previous = readJson<Marker>(marker);
  if (previous && previous.count === count && previous.layout === LAYOUT)
    return { seconds: 0, agentPath: previous.agentPath };
  if (previous)
    throw new Error(
      `${markerDir} was seeded with ${previous.count} entries (layout ${previous.layout ?? 1}); ` +
        `delete the bench stack dir to seed ${count} (layout ${LAYOUT})`,
    );
  const progress = readJson<Progress>(progressFile);
  const resume = progress && progress.count === count && progress.layout === LAYOUT ? progress : null;
  const agentPath = resume?.agentPath ?? new URL(agentId).pathname;
  const client = entryClient(socketPath);
  const started = performance.now();
  const batches: number[] = [];
  for (let start = resume?.done ?? 0; start < count; start += BATCH) batches.push(start);
  if (resume) console.log(`[bench] resuming the seed at entry ${resume.done}`);
  const finished = new Set<number>();
  let next = 0;
  let created = 0;
  const saveProgress = () => {
    let done = batches[0] ?? count;
    while (finished.has(done)) done += BATCH;
    writeFileSync(progressFile, JSON.stringify({ count, agentPath, layout: LAYOUT, done } satisfies Progress) + "\n");
  };
  const worker = async () => {
    while (next < batches.length) {
      const start = batches[next++]!;
      const entries = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) =>
        benchEntry(start + k, td, agentPath),
      );
      await createBatch(client, entries);
      finished.add(start);
      created += entries.length;
      if (finished.size % 20 === 0) {
        saveProgress();
        const rate = created / ((performance.now() - started) / 1000);
        console.log(`[bench] seeded ${start + entries.length}/${count} (${rate.toFixed(0)} entries/s)`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  } finally {
    saveProgress();
    client.close();
  }
  writeFileSync(marker, JSON.stringify({ count, agentPath, layout: LAYOUT } satisfies Marker) + "\n");
  return { seconds: (performance.now() - started) / 1000, agentPath };
}
