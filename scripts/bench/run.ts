// `npm run bench`: seeds a dedicated SPIRE server with N entries (default 100,000; --entries N
// or BENCH_ENTRIES), measures the console's index and API against the CLI on the same server,
// prints one table and writes it to bench-results.json beside the bench stack dir.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { ensureConsoleBuild, startConsole } from "../lib/console-server.ts";
import { measureAuditOverhead } from "./audit-overhead.ts";
import { BENCH_SERVER, type BenchDatastore, freshConsoleDataDir, startBenchServer } from "./bench-server.ts";
import { cliEntryShow } from "./cli-entry-show.ts";
import { measureCreateVisible } from "./create-visible.ts";
import { measureEntriesAsCode } from "./entries-as-code.ts";
import { getJson, median, peakRss, postJson, sampleMs, timeIt } from "./measure.ts";
import { measureFirstPaint } from "./paint.ts";
import { printTable, type Row } from "./print-table.ts";
import { agentChildren, seedBench } from "./seed.ts";
import { waitForTree, walkConsole } from "./walk-console.ts";

const { values } = parseArgs({
  options: {
    entries: { type: "string", default: process.env.BENCH_ENTRIES ?? "100000" },
    runs: { type: "string", default: process.env.BENCH_RUNS ?? "5" },
    "stack-dir": { type: "string", default: process.env.BENCH_STACK_DIR ?? ".bench/stack" },
    datastore: { type: "string", default: process.env.BENCH_DATASTORE },
    keep: { type: "boolean", default: false },
    "seed-only": { type: "boolean", default: false },
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
/** Node options the console runs with (e.g. a heap cap, as a deployment would set them). */
const nodeOptions = process.env.NODE_OPTIONS ?? "";
/** Requests per latency measure (median and p95 are taken of these). */
const SAMPLES = 20;
const stackDir = path.resolve(import.meta.dirname, "../..", values["stack-dir"]!);
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
/** The bench console's bootstrap admin token: every request of the bench authenticates with it. */
const token = randomBytes(24).toString("base64url");
const get = <T = unknown>(url: string) => getJson<T>(url, token);
const post = (url: string, body: unknown) => postJson(url, token, body);

const spread = (o: { median: number; p95: number }) => `${fmt(o.median)} / p95 ${fmt(o.p95)}`;

async function main(): Promise<void> {
  console.log(
    `[bench] ${count} entries, ${runs} runs, ${SAMPLES} samples per latency, stack dir ${stackDir}` +
      (nodeOptions ? `, console NODE_OPTIONS ${nodeOptions}` : ""),
  );
  const server = await startBenchServer(stackDir, datastore, newStackDatastore);
  console.log(`[bench] SPIRE keeps the entries in ${server.datastore}`);
  ensureConsoleBuild();
  const consoleServer = await startConsole({
    SPIRE_CONSOLE_CONFIG: server.consoleConfigPath,
    SPIRE_CONSOLE_BOOTSTRAP_TOKEN: token,
    SPIRE_CONSOLE_DATA_DIR: freshConsoleDataDir(stackDir),
  }).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
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
    const api = `${consoleServer.url}/api/servers/bench`;
    const agentId = `spiffe://${BENCH_SERVER.trustDomain}${seeded.agentPath}`;
    const agent = encodeURIComponent(agentId);
    await get(`${api}/entries?pageSize=1`);
    const idleRss = peakRss(consoleServer.pid);
    const cold = await timeIt(() => waitForTree(`${api}/entries/tree`, token));
    const status = await get<{ lastWalkMs: number | null; entries: number | null }>(`${api}/entries/index`);
    console.log(`[bench] cold tree ${fmt(cold)} (index walk ${status.lastWalkMs} ms, ${status.entries} entries)`);
    const builtRss = peakRss(consoleServer.pid);
    // A second walk, SPIRE warm: what the background refresh costs (the old index serves meanwhile).
    const again = await timeIt(() => post(`${api}/entries/index/refresh`, { wait: true }));
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
    const cli = median(cliWalks);
    const walk = median(consoleWalks);
    const latency = {
      firstPage: await sampleMs(SAMPLES, () => get(`${api}/entries?pageSize=200`)),
      filteredPage: await sampleMs(SAMPLES, () =>
        get(`${api}/entries?pageSize=200&selector=bench:parent:7&match=superset`),
      ),
      idPartPage: await sampleMs(SAMPLES, () => get(`${api}/entries?pageSize=200&spiffeIdContains=w-4242`)),
      treeRoot: await sampleMs(SAMPLES, () => get(`${api}/entries/tree`)),
      agentChildren: await sampleMs(SAMPLES, () => get(`${api}/entries/tree?parent=${agent}`)),
      aliasChildren: await sampleMs(SAMPLES, () =>
        get(`${api}/entries/tree?parent=${encodeURIComponent(`spiffe://${BENCH_SERVER.trustDomain}/node/group-7`)}`),
      ),
      levelSearch: await sampleMs(SAMPLES, () => get(`${api}/entries/tree?parent=${agent}&q=w-4244`)),
      search: await sampleMs(SAMPLES, () => get(`${api}/entries/search?q=w-4242`)),
      searchSelector: await sampleMs(SAMPLES, () => get(`${api}/entries/search?q=parent:7`)),
    };
    const created = await measureCreateVisible(api, token, agentId, SAMPLES);
    const asCode = await measureEntriesAsCode(api, token, BENCH_SERVER.trustDomain, agentId, walked, consoleServer.pid);
    const paint = await measureFirstPaint(`${consoleServer.url}/entries?server=bench`, token, 5);
    const rss = peakRss(consoleServer.pid);
    const audit = await measureAuditOverhead(path.join(stackDir, ".."));
    const auditLine = (o: { median: number; p99: number }) => `${o.median.toFixed(2)} ms / p99 ${o.p99.toFixed(2)} ms`;
    const rows: Row[] = [
      {
        measure: "entries in SPIRE (CLI) / walked by the console",
        result: `${cliCount} / ${walked}`,
        target: "equal",
        value: { cliCount, walked },
      },
      {
        measure: "cold index build (first tree request)",
        result: fmt(cold),
        target: "",
        value: { ms: cold, walkMs: status.lastWalkMs ?? -1 },
      },
      {
        measure: "index walk again (refresh, SPIRE warm)",
        result: `${fmt(again)} (${(again / cli).toFixed(2)}x CLI)`,
        target: "",
        value: { ms: again, ratio: again / cli },
      },
      { measure: "`spire-server entry show -output json`", result: fmt(cli), target: "", value: { ms: cli } },
      {
        measure: "cold index build / CLI",
        result: `${(cold / cli).toFixed(2)}x`,
        target: "<= 1.0x (1M: 1.1x)",
        value: { ratio: cold / cli },
      },
      {
        measure: "full walk through the console API (pages of 1000)",
        result: `${fmt(walk)} (${(walk / cli).toFixed(2)}x CLI)`,
        target: "",
        value: { ms: walk },
      },
      {
        measure: "console RSS before the first walk (peak so far)",
        result: `${idleRss.mib.toFixed(0)} MiB`,
        target: "",
        value: { mib: idleRss.mib },
      },
      {
        measure: "console peak RSS after the cold index build",
        result: `${builtRss.mib.toFixed(0)} MiB`,
        target: "",
        value: { mib: builtRss.mib },
      },
      {
        measure: "console peak RSS (VmHWM, whole run)",
        result: `${rss.mib.toFixed(0)} MiB`,
        target: "<= 300 MiB (1M: 1.5 GiB)",
        value: { mib: rss.mib },
      },
      {
        measure: "tree root",
        result: spread(latency.treeRoot),
        target: "p95 <= 50 ms (1M: 150)",
        value: latency.treeRoot,
      },
      {
        measure: `the bench agent's children (${agentChildren(count)}), first page of 200`,
        result: spread(latency.agentChildren),
        target: "p95 <= 50 ms (1M: 150)",
        value: latency.agentChildren,
      },
      {
        measure: "search within that level (q=w-4244)",
        result: spread(latency.levelSearch),
        target: "",
        value: latency.levelSearch,
      },
      {
        measure: "one node alias's children (/node/group-7), first page",
        result: spread(latency.aliasChildren),
        target: "",
        value: latency.aliasChildren,
      },
      {
        measure: "search (SPIFFE ID part)",
        result: spread(latency.search),
        target: "p95 <= 50 ms (1M: 150)",
        value: latency.search,
      },
      {
        measure: "search (selector value part)",
        result: spread(latency.searchSelector),
        target: "p95 <= 50 ms (1M: 150)",
        value: latency.searchSelector,
      },
      {
        measure: "first page of the entry list (200)",
        result: spread(latency.firstPage),
        target: "",
        value: latency.firstPage,
      },
      {
        measure: "first filtered page (selector, SPIRE)",
        result: spread(latency.filteredPage),
        target: "",
        value: latency.filteredPage,
      },
      {
        measure: "first filtered page (ID part, index)",
        result: spread(latency.idPartPage),
        target: "",
        value: latency.idPartPage,
      },
      {
        measure: "create -> visible in the tree",
        result: `${spread(created)} (${created.maxPolls} request(s) at most)`,
        target: "<= 100 ms (1M: 200)",
        value: created,
      },
      {
        measure: "`/entries` first contentful paint (Chromium, 5 loads)",
        result: spread(paint),
        target: "<= 1 s (1M: 1.5 s)",
        value: paint,
      },
      ...asCode,
      { measure: "audit write per mutation, SQLite", result: auditLine(audit.sqlite), target: "", value: audit.sqlite },
      {
        measure: "audit write per mutation, PostgreSQL",
        result: auditLine(audit.postgres),
        target: "",
        value: audit.postgres,
      },
    ];
    printTable(rows);
    const file = path.join(stackDir, "..", "bench-results.json");
    const results = {
      entries: count,
      datastore: server.datastore,
      nodeOptions,
      runs,
      samples: SAMPLES,
      at: new Date().toISOString(),
      loadavg: loadavg(),
      rows,
    };
    writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
    console.log(`\n[bench] wrote ${file}`);
  } finally {
    await consoleServer.stop();
    if (!values.keep) await server.stop();
  }
}

await main();
