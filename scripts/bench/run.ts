// `npm run bench`: seeds a dedicated SPIRE server with N entries (default 100,000; --entries N
// or BENCH_ENTRIES) and prints medians of the console's API timings against the CLI.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";

import { ensureConsoleBuild, startConsole } from "../lib/console-server.ts";
import { runServerCli } from "../stack/spire-cli.ts";
import { measureAuditOverhead } from "./audit-overhead.ts";
import { BENCH_SERVER, startBenchServer } from "./bench-server.ts";
import { getJson, median, peakRss, timeIt } from "./measure.ts";
import { seedBench } from "./seed.ts";

const { values } = parseArgs({
  options: {
    entries: { type: "string", default: process.env.BENCH_ENTRIES ?? "100000" },
    runs: { type: "string", default: process.env.BENCH_RUNS ?? "5" },
    "stack-dir": { type: "string", default: process.env.BENCH_STACK_DIR ?? ".bench/stack" },
    keep: { type: "boolean", default: false },
  },
});
const count = Number(values.entries);
const runs = Number(values.runs);
const stackDir = path.resolve(import.meta.dirname, "../..", values["stack-dir"]!);
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
/** The bench console's bootstrap admin token: every request of the bench authenticates with it. */
const token = randomBytes(24).toString("base64url");
const get = <T = unknown>(url: string) => getJson<T>(url, token);

async function walkConsole(url: string): Promise<number> {
  let token = "";
  let total = 0;
  do {
    const page = await get<{ entries: unknown[]; nextPageToken: string }>(
      `${url}/api/servers/bench/entries?pageSize=1000${token ? `&pageToken=${encodeURIComponent(token)}` : ""}`,
    );
    total += page.entries.length;
    token = page.nextPageToken;
  } while (token);
  return total;
}

async function main(): Promise<void> {
  console.log(`[bench] ${count} entries, ${runs} runs, stack dir ${stackDir}`);
  const server = await startBenchServer(stackDir);
  ensureConsoleBuild();
  const consoleServer = await startConsole({
    SPIRE_CONSOLE_CONFIG: server.consoleConfigPath,
    SPIRE_CONSOLE_BOOTSTRAP_TOKEN: token,
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
    const api = `${consoleServer.url}/api/servers/bench`;
    const agent = encodeURIComponent(`spiffe://${BENCH_SERVER.trustDomain}${seeded.agentPath}`);
    const cold = await timeIt(() => get(`${api}/entries/tree`));
    const samples = {
      firstPage: [] as number[],
      treeRoot: [] as number[],
      agentChildren: [] as number[],
      consoleWalk: [] as number[],
      cliWalk: [] as number[],
    };
    let walked = 0;
    let cliCount = 0;
    for (let run = 0; run < runs; run++) {
      samples.firstPage.push(await timeIt(() => get(`${api}/entries?pageSize=200`)));
      samples.treeRoot.push(await timeIt(() => get(`${api}/entries/tree`)));
      samples.agentChildren.push(await timeIt(() => get(`${api}/entries/tree?parent=${agent}`)));
      samples.consoleWalk.push(await timeIt(async () => (walked = await walkConsole(consoleServer.url))));
      samples.cliWalk.push(
        await timeIt(async () => {
          const out = await runServerCli(server.bin.spireServer, server.socketPath, [
            "entry",
            "show",
            "-output",
            "json",
          ]);
          cliCount = (JSON.parse(out) as { entries: unknown[] }).entries.length;
        }),
      );
      console.log(`[bench] run ${run + 1}/${runs} done`);
    }
    const rss = peakRss(consoleServer.pid);
    const walk = median(samples.consoleWalk);
    const cli = median(samples.cliWalk);
    console.log("");
    console.log(`entries in SPIRE (CLI)                 ${cliCount} (console walk saw ${walked})`);
    console.log(`first page of the entry list (200)     ${fmt(median(samples.firstPage))}   target < 300 ms`);
    console.log(`tree root level, first call (cold)     ${fmt(cold)}   (walks all entries into the index)`);
    console.log(`tree root level (index cached)         ${fmt(median(samples.treeRoot))}   target < 300 ms`);
    console.log(`one agent's children                   ${fmt(median(samples.agentChildren))}`);
    console.log(`full walk through the console API      ${fmt(walk)}   (pages of 1000)`);
    console.log(`full walk with spire-server entry show ${fmt(cli)}`);
    console.log(`console / CLI                          ${(walk / cli).toFixed(2)}x   target <= 1.5x`);
    console.log(
      `console peak RSS (VmHWM)               ${rss.mib.toFixed(0)} MiB (${rss.name} pid ${rss.pid})   target < 500 MiB`,
    );
    const audit = await measureAuditOverhead(path.join(stackDir, ".."));
    const line = (o: { median: number; p99: number }) => `median ${o.median.toFixed(2)} ms, p99 ${o.p99.toFixed(2)} ms`;
    console.log(`audit write per mutation, SQLite       ${line(audit.sqlite)}   (intent + result)`);
    console.log(`audit write per mutation, PostgreSQL   ${line(audit.postgres)}   (intent + result)`);
  } finally {
    await consoleServer.stop();
    if (!values.keep) await server.stop();
  }
}

await main();
