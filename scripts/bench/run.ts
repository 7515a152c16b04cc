// `npm run bench`: seeds a dedicated SPIRE server with N entries (default 100,000; --entries N
// or BENCH_ENTRIES), measures the console's index and API against the CLI on the same server,
// prints one table and writes it to bench-results.json beside the bench stack dir.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { measureAuditOverhead } from "./audit-overhead.ts";
import { startBenchConsole } from "./bench-console.ts";
import { BENCH_SERVER, type BenchDatastore, startBenchServer } from "./bench-server.ts";
import { benchSqliteFile } from "./bench-sqlite.ts";
import { cliEntryShow } from "./cli-entry-show.ts";
import { measureCreateVisible } from "./create-visible.ts";
import { measureEntriesAsCode } from "./entries-as-code.ts";
import { heapNow } from "./heap-now.ts";
import { getJson, median, peakRss, postJson, sampleMs, timeIt } from "./measure.ts";
import { parseMemoryLimit } from "./memory-cgroup.ts";
import { measureFirstPaint } from "./paint.ts";
import { printTable, type Row } from "./print-table.ts";
import { fmt, resultRows } from "./result-rows.ts";
import { seedBench } from "./seed.ts";
import { waitForTree, walkConsole } from "./walk-console.ts";

const { values } = parseArgs({
  options: {
    entries: { type: "string", default: process.env.BENCH_ENTRIES ?? "100000" },
    runs: { type: "string", default: process.env.BENCH_RUNS ?? "5" },
    "stack-dir": { type: "string", default: process.env.BENCH_STACK_DIR ?? ".bench/stack" },
    datastore: { type: "string", default: process.env.BENCH_DATASTORE },
    keep: { type: "boolean", default: false },
    "seed-only": { type: "boolean", default: false },
    /** Run ANALYZE on the bench server's SQLite first (SPIRE never does; see sqlite-statistics.ts). */
    "sqlite-statistics": { type: "boolean", default: false },
    /** Measure only the entries-as-code rows (plan, apply, the CLI beside them). */
    "only-entries-as-code": { type: "boolean", default: false },
    /** Leave out the entries-as-code rows (the apply of 10,000 creates takes SPIRE minutes) and the audit rows. */
    "skip-entries-as-code": { type: "boolean", default: false },
    /** Run the console in a memory cgroup with this limit in MiB, as in a pod (the Helm chart's: 768). Root only. */
    "memory-limit": { type: "string", default: process.env.BENCH_MEMORY_LIMIT },
  },
});
const count = Number(values.entries);
const datastore = ((chosen): BenchDatastore | undefined => {
  if (chosen !== undefined && chosen !== "sqlite" && chosen !== "postgres")
    throw new Error("--datastore is sqlite or postgres");
  return chosen;
})(values.datastore);
/** A new stack for a million entries keeps them in PostgreSQL, as a deployment of that size would; fewer in SQLite. */
const newStackDatastore: BenchDatastore = count > 200_000 ? "postgres" : "sqlite";
const runs = Number(values.runs);
const memoryLimitMib = parseMemoryLimit(values["memory-limit"]);
/** Node options the console runs with (e.g. a heap cap, as a deployment would set them). */
const nodeOptions = process.env.NODE_OPTIONS ?? "";
/**
 * Requests per read latency measure (median and p95 are taken of these). A hundred: of twenty, the "p95" was
 * the second slowest request, and one GC pause of the serving heap decided it.
 */
const READ_SAMPLES = 100;
/** Entries created (then deleted) for the create → visible measure. */
const CREATES = 20;
const samplesSaid = `${READ_SAMPLES} requests per read latency, ${CREATES} creates`;
/** Page loads for the first contentful paint: enough for a p95 that is not simply the slowest load. */
const PAINT_LOADS = 20;
const stackDir = path.resolve(import.meta.dirname, "../..", values["stack-dir"]!);
/** The bench console's bootstrap admin token: every request of the bench authenticates with it. */
const token = randomBytes(24).toString("base64url");
const get = <T = unknown>(url: string) => getJson<T>(url, token);
const post = (url: string, body: unknown) => postJson(url, token, body);
/** Median and p95 of READ_SAMPLES GETs of one URL, one after the other. */
const sampleReads = (url: string) => sampleMs(READ_SAMPLES, () => get(url));

/** Prints the table and writes it, with the run's settings and the machine's load, beside the stack dir. */
function writeResults(datastore: BenchDatastore, rows: Row[]): void {
  printTable(rows);
  const file = path.join(stackDir, "..", "bench-results.json");
  const results = {
    entries: count,
    datastore,
    nodeOptions,
    memoryLimitMib,
    runs,
    samples: { reads: READ_SAMPLES, creates: CREATES },
    at: new Date().toISOString(),
    loadavg: loadavg(),
    rows,
  };
  writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  console.log(`\n[bench] wrote ${file}`);
}

async function main(): Promise<void> {
  console.log(
    `[bench] ${count} entries, ${runs} runs, ${samplesSaid}, stack dir ${stackDir}` +
      (nodeOptions ? `, console NODE_OPTIONS ${nodeOptions}` : "") +
      (memoryLimitMib === null ? "" : `, console in a memory cgroup of ${memoryLimitMib} MiB`),
  );
  const { server, consoleServer, cgroup } = await startBenchConsole({
    stackDir,
    token,
    memoryLimitMib,
    cgroupName: `spire-console-bench-${process.pid}`,
    startServer: () => startBenchServer(stackDir, datastore, newStackDatastore),
    consoleConfig: (started) => started.consoleConfigPath,
  });
  console.log(`[bench] SPIRE keeps the entries in ${server.datastore}`);
  try {
    const seeded = await seedBench(
      server.socketPath,
      path.join(stackDir, "bench"),
      count,
      BENCH_SERVER.trustDomain,
      server.agentId,
    );
    if (seeded.seconds) console.log(`[bench] seeded ${count} entries in ${seeded.seconds.toFixed(1)} s`);
    if (values["seed-only"]) return;
    const sqliteFile = benchSqliteFile(server, values["sqlite-statistics"]!);
    const api = `${consoleServer.url}/api/servers/bench`;
    const agentId = `spiffe://${BENCH_SERVER.trustDomain}${seeded.agentPath}`;
    const agent = encodeURIComponent(agentId);
    const codeBench = {
      api,
      token,
      td: BENCH_SERVER.trustDomain,
      agentId,
      consolePid: consoleServer.pid,
      spireServer: server.bin.spireServer,
      socketPath: server.socketPath,
      workDir: path.join(stackDir, "entries-as-code"),
      sqliteFile,
    };
    if (values["only-entries-as-code"]) {
      await waitForTree(`${api}/entries/tree`, token);
      const { entries } = await get<{ entries: number | null }>(`${api}/entries/index`);
      writeResults(server.datastore, await measureEntriesAsCode({ ...codeBench, live: entries ?? count }));
      return;
    }
    await get(`${api}/entries?pageSize=1`);
    /** The 1-minute load average when each measure was taken (the machine is shared). */
    const load = () => loadavg()[0]!;
    const loads: Record<string, number> = { start: load() };
    const idleRss = peakRss(consoleServer.pid);
    const cold = await timeIt(() => waitForTree(`${api}/entries/tree`, token));
    const status = await get<{ lastWalkMs: number | null; entries: number | null }>(`${api}/entries/index`);
    console.log(`[bench] cold tree ${fmt(cold)} (index walk ${status.lastWalkMs} ms, ${status.entries} entries)`);
    loads.cold = load();
    // The console logs it when the walk could not run in its worker thread and ran in the serving thread.
    const fallback = /\[entry-index\] (.*) walking bench in the serving thread/.exec(consoleServer.output());
    const workerAsked = process.env.SPIRE_CONSOLE_INDEX_WORKER === "on";
    const walkedIn = !workerAsked ? "serving thread" : fallback ? `serving thread (${fallback[1]})` : "worker thread";
    console.log(`[bench] the index was walked in the ${walkedIn}`);
    const builtRss = peakRss(consoleServer.pid);
    // A second walk, SPIRE warm: what the background refresh costs (the old index serves meanwhile).
    /** Where the whole run's peak comes from: the peak so far after each stage, in the log. */
    const notePeak = async (stage: string) =>
      console.log(
        `[bench] console peak RSS after ${stage}: ${peakRss(consoleServer.pid).mib.toFixed(0)} MiB ` +
          `(now: ${await heapNow(consoleServer.url)})`,
      );
    await notePeak("the cold index build");
    const again = await timeIt(() => post(`${api}/entries/index/refresh`, { wait: true }));
    await notePeak("the second walk (two indexes while it ran)");
    const consoleWalks: number[] = [];
    const cliWalks: number[] = [];
    let walked = 0;
    let cliCount = 0;
    for (let run = 0; run < runs; run++) {
      consoleWalks.push(await timeIt(async () => (walked = await walkConsole(consoleServer.url, token))));
      cliWalks.push(
        await timeIt(async () => (cliCount = await cliEntryShow(server.bin.spireServer, server.socketPath))),
      );
      console.log(`[bench] walk run ${run + 1}/${runs} done`);
    }
    loads.walks = load();
    await notePeak("the full walks through the API");
    const cli = median(cliWalks);
    const walk = median(consoleWalks);
    const alias = encodeURIComponent(`spiffe://${BENCH_SERVER.trustDomain}/node/group-7`);
    const latency = {
      firstPage: await sampleReads(`${api}/entries?pageSize=200`),
      filteredPage: await sampleReads(`${api}/entries?pageSize=200&selector=bench:parent:7&match=superset`),
      idPartPage: await sampleReads(`${api}/entries?pageSize=200&spiffeIdContains=w-4242`),
      treeRoot: await sampleReads(`${api}/entries/tree`),
      agentChildren: await sampleReads(`${api}/entries/tree?parent=${agent}`),
      aliasChildren: await sampleReads(`${api}/entries/tree?parent=${alias}`),
      levelSearch: await sampleReads(`${api}/entries/tree?parent=${agent}&q=w-4244`),
      search: await sampleReads(`${api}/entries/search?q=w-4242`),
      searchSelector: await sampleReads(`${api}/entries/search?q=parent:7`),
    };
    loads.latency = load();
    await notePeak("the latency samples");
    const created = await measureCreateVisible(consoleServer.url, BENCH_SERVER.name, token, agentId, CREATES);
    loads.created = load();
    await notePeak("the creates");
    const skipCode = values["skip-entries-as-code"]!;
    const asCode = skipCode ? [] : await measureEntriesAsCode({ ...codeBench, live: walked });
    const paint = await measureFirstPaint(`${consoleServer.url}/entries?server=bench`, token, PAINT_LOADS);
    console.log(
      `[bench] first contentful paints (ms, in order): ${paint.samples.map((ms) => ms.toFixed(0)).join(", ")}`,
    );
    loads.paint = load();
    const rss = peakRss(consoleServer.pid);
    const audit = skipCode ? null : await measureAuditOverhead(path.join(stackDir, ".."));
    const rows = resultRows({
      count,
      cliCount,
      walked,
      walkedIn,
      cold,
      walkMs: status.lastWalkMs,
      again,
      cli,
      walk,
      memoryLimitMib,
      idleRss,
      builtRss,
      rss,
      latency,
      created,
      paint,
      asCode,
      audit,
      loads,
    });
    writeResults(server.datastore, rows);
  } finally {
    await consoleServer.stop();
    cgroup?.remove();
    if (!values.keep) await server.stop();
  }
}

await main();
