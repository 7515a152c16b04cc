// Seeds the bench server with N entries under 1,000 parent IDs (999 node aliases + the bench
// agent) through BatchCreateEntry, 500 per call, a few calls in flight.
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

/** The i-th bench entry: 999 aliases first (node entries), then workloads spread over 1,000 parents. */
export function benchEntry(i: number, td: string, agentPath: string): Entry {
  const id = (p: string) => ({ trustDomain: td, path: p });
  if (i < 999)
    return {
      spiffeId: id(`/node/group-${i}`),
      parentId: id("/spire/server"),
      selectors: [{ type: "bench", value: `group:${i}` }],
    };
  const parent = i % 1000;
  const parentPath = parent === 999 ? agentPath : `/node/group-${parent}`;
  return {
    spiffeId: id(`/workload/${parent}/w-${i}`),
    parentId: id(parentPath),
    selectors: [
      { type: "unix", value: `uid:${i}` },
      { type: "bench", value: `parent:${parent}` },
    ],
  };
}

/**
 * Creates entries [0, count) unless the marker says they exist already. Returns the seconds taken
 * and the agent path the entries were parented to (an earlier run's agent keeps its entries).
 */
export async function seedBench(
  socketPath: string,
  markerDir: string,
  count: number,
  td: string,
  agentId: string,
): Promise<{ seconds: number; agentPath: string }> {
  const marker = path.join(markerDir, "bench-seeded.json");
  const agentPath = new URL(agentId).pathname;
  const previous = existsSync(marker)
    ? (JSON.parse(readFileSync(marker, "utf8")) as { count: number; agentPath: string })
    : null;
  if (previous && previous.count === count) return { seconds: 0, agentPath: previous.agentPath };
  if (previous)
    throw new Error(
      `${markerDir} was seeded with ${previous.count} entries; delete the bench stack dir to seed ${count}`,
    );
  const client = entryClient(socketPath);
  const started = performance.now();
  const batches: number[] = [];
  for (let start = 0; start < count; start += 500) batches.push(start);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const start = batches[next++]!;
      const entries = Array.from({ length: Math.min(500, count - start) }, (_, k) =>
        benchEntry(start + k, td, agentPath),
      );
      const response = await new Promise<{ results: { status: { code: number; message: string } }[] }>(
        (resolve, reject) =>
          client.batchCreateEntry({ entries }, { deadline: Date.now() + 120_000 }, (e, r) =>
            e ? reject(e) : resolve(r),
          ),
      );
      const failed = response.results.filter((r) => r.status.code !== 0 && r.status.code !== 6);
      if (failed.length)
        throw new Error(`BatchCreateEntry rejected ${failed.length} entries: ${failed[0]?.status.message}`);
      if ((start / 500) % 20 === 0) console.log(`[bench] seeded ${start + entries.length}/${count}`);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  client.close();
  writeFileSync(marker, JSON.stringify({ count, agentPath }) + "\n");
  return { seconds: (performance.now() - started) / 1000, agentPath };
}
