// `npm run bench:load`: browsing users and editors against the seeded bench server (see
// `npm run bench`) for a bounded time, loopback only, with the bench SPIRE server restarted once
// in the middle. Reports requests per second, p50/p95/p99 per route, errors by route and status,
// the console's RSS every 30 s, and whether the CLI's count of the editors' entries equals creates
// minus deletes. Writes .bench/load-results.json.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { ensureConsoleBuild, startConsole } from "../lib/console-server.ts";
import { runServerCli } from "../stack/spire-cli.ts";
import { BENCH_SERVER, type BenchServer, freshConsoleDataDir, startBenchServer } from "./bench-server.ts";
import { browse, edit, LoadStats } from "./load-traffic.ts";
import { seedBench } from "./seed.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: process.env.BENCH_LOAD_SECONDS ?? "300" },
    users: { type: "string", default: process.env.BENCH_LOAD_USERS ?? "50" },
    editors: { type: "string", default: process.env.BENCH_LOAD_EDITORS ?? "5" },
    entries: { type: "string", default: process.env.BENCH_ENTRIES ?? "100000" },
    "stack-dir": { type: "string", default: process.env.BENCH_STACK_DIR ?? ".bench/stack" },
  },
});
const seconds = Number(values.seconds);
const users = Number(values.users);
const editors = Number(values.editors);
const stackDir = path.resolve(import.meta.dirname, "../..", values["stack-dir"]!);
const token = randomBytes(24).toString("base64url");

/** RSS (MiB) of a process and its children, the largest of them (the Next server under its launcher). */
function rssMib(pid: number): number {
  const read = (p: number) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  let best = read(pid);
  try {
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean))
      best = Math.max(best, rssMib(Number(child)));
  } catch {
    // no children file
  }
  return best;
}

async function waitForIndex(api: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${api}/entries/tree`, { headers: { authorization: `Bearer ${token}` } });
    await response.text();
    if (response.ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A token of its own for one simulated user (each has its own change rate limit, like a person). */
async function userToken(url: string, name: string, role: "viewer" | "editor"): Promise<string> {
  const response = await fetch(`${url}/api/tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ name, bindings: [{ role, servers: ["bench"] }], expiresInDays: 1 }),
  });
  const body = (await response.json()) as { token?: string };
  if (response.status !== 201 || !body.token) throw new Error(`token ${name}: HTTP ${response.status}`);
  return body.token;
}

async function cliCount(server: BenchServer, run: string): Promise<number> {
  const out = await runServerCli(server.bin.spireServer, server.socketPath, ["entry", "show", "-output", "json"]);
  const entries = (JSON.parse(out) as { entries: { spiffe_id: { path: string } }[] | null }).entries ?? [];
  return entries.filter((e) => e.spiffe_id.path.startsWith(`/load/${run}/`)).length;
}

/** One route's row of the printed latency table. */
function routeLine(route: string, o: { count: number; p50: number; p95: number; p99: number }): string {
  const ms = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
  return `${route.padEnd(14)} ${String(o.count).padStart(6)} ${ms(o.p50)} ${ms(o.p95)} ${ms(o.p99)}`;
}

async function main(): Promise<void> {
  console.log(`[load] ${users} users, ${editors} editors, ${seconds} s, stack dir ${stackDir}`);
  let server = await startBenchServer(stackDir);
  ensureConsoleBuild();
  const consoleServer = await startConsole({
    SPIRE_CONSOLE_CONFIG: server.consoleConfigPath,
    SPIRE_CONSOLE_BOOTSTRAP_TOKEN: token,
    SPIRE_CONSOLE_DATA_DIR: freshConsoleDataDir(stackDir),
  });
  try {
    const seeded = await seedBench(
      server.socketPath,
      path.join(stackDir, "bench"),
      Number(values.entries),
      BENCH_SERVER.trustDomain,
      server.agentId,
    );
    const api = `${consoleServer.url}/api/servers/bench`;
    await waitForIndex(api);
    const stats = new LoadStats();
    const run = Date.now().toString(36);
    const started = Date.now();
    const ctx = {
      api,
      token,
      stats,
      until: started + seconds * 1000,
      agentId: `spiffe://${BENCH_SERVER.trustDomain}${seeded.agentPath}`,
      td: BENCH_SERVER.trustDomain,
    };
    const rss: { s: number; mib: number; requests: number }[] = [];
    const sampleRss = () =>
      rss.push({
        s: Math.round((Date.now() - started) / 1000),
        mib: rssMib(consoleServer.pid),
        requests: stats.requests,
      });
    sampleRss();
    const sampler = setInterval(sampleRss, 30_000);
    const restart = (async () => {
      await new Promise((r) => setTimeout(r, (seconds * 1000) / 2));
      const down = Date.now();
      console.log(`[load] restarting the bench SPIRE server at ${Math.round((down - started) / 1000)} s`);
      await server.stop();
      server = await startBenchServer(stackDir);
      return { atS: (down - started) / 1000, downS: (Date.now() - down) / 1000 };
    })();
    const viewerTokens = await Promise.all(
      Array.from({ length: users }, (_, k) => userToken(consoleServer.url, `load ${run} user ${k}`, "viewer")),
    );
    const editorTokens = await Promise.all(
      Array.from({ length: editors }, (_, k) => userToken(consoleServer.url, `load ${run} editor ${k}`, "editor")),
    );
    await Promise.all([
      ...viewerTokens.map((t, k) => browse({ ...ctx, token: t }, k + 1)),
      ...editorTokens.map((t, k) => edit({ ...ctx, token: t }, k, run)),
    ]);
    clearInterval(sampler);
    sampleRss();
    const restarted = await restart;
    const elapsed = (Date.now() - started) / 1000;
    const left = await cliCount(server, run);
    const expected = stats.creates - stats.deletes;
    const results = {
      users,
      editors,
      seconds: elapsed,
      at: new Date().toISOString(),
      loadavg: loadavg(),
      requests: stats.requests,
      rps: stats.requests / elapsed,
      routes: stats.summary(),
      errors: Object.fromEntries([...stats.errors].sort()),
      restart: restarted,
      rss,
      changes: { creates: stats.creates, deletes: stats.deletes, uncertain: stats.uncertain, cliCount: left, expected },
    };
    console.log("");
    console.log(`requests ${stats.requests} in ${elapsed.toFixed(0)} s: ${results.rps.toFixed(1)} per second`);
    console.log(`route          count     p50      p95      p99`);
    for (const [route, o] of Object.entries(results.routes)) console.log(routeLine(route, o));
    console.log(`errors: ${JSON.stringify(results.errors)}`);
    console.log(`restart at ${restarted.atS.toFixed(0)} s, SPIRE back after ${restarted.downS.toFixed(1)} s`);
    console.log(`RSS (MiB) every 30 s: ${rss.map((r) => `${r.s}s=${r.mib.toFixed(0)}`).join(" ")}`);
    const changes = `${stats.creates} creates - ${stats.deletes} deletes = ${expected}`;
    console.log(`changes: ${changes}; the CLI counts ${left} (${stats.uncertain} uncertain)`);
    const file = path.join(stackDir, "..", "load-results.json");
    writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
    console.log(`[load] wrote ${file}`);
  } finally {
    await consoleServer.stop();
    await server.stop();
  }
}

await main();
