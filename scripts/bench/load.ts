// `npm run bench:load`: browsing users and editors against the seeded bench server (see
// `npm run bench`) and foo of the demo stack, for a bounded time, loopback only. Half the browsing
// users sign in through the stack's OpenID provider (a session cookie, pages and API), half with
// API tokens; foo is restarted a third of the way in and the bench SPIRE server halfway. Reports
// requests per second, p50/p95/p99 per route, errors by route and status, the console's RSS every
// 30 s with the soak verdict (after the warm-up, within ±10%), and whether the CLI's count of the
// editors' entries equals creates minus deletes. Writes .bench/load-results.json.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";

import { signInToConsole } from "../idp/http-sign-in.ts";
import { readIdpInfo } from "../idp/start.ts";
import { repoRoot } from "../lib/console-server.ts";
import { serverComponent } from "../stack/components.ts";
import { getStackPaths } from "../stack/paths.ts";
import { stopProcess } from "../stack/process.ts";
import { runServerCli } from "../stack/spire-cli.ts";
import { demoAuthConfig, getStackServer, readStackState } from "../stack/state.ts";
import { startBenchConsole } from "./bench-console.ts";
import { BENCH_SERVER, type BenchServer, startBenchServer } from "./bench-server.ts";
import { browse, type Ctx, edit, LoadStats } from "./load-traffic.ts";
import { parseMemoryLimit } from "./memory-cgroup.ts";
import { seedBench } from "./seed.ts";
import { soakVerdict } from "./soak-verdict.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: process.env.BENCH_LOAD_SECONDS ?? "300" },
    users: { type: "string", default: process.env.BENCH_LOAD_USERS ?? "50" },
    editors: { type: "string", default: process.env.BENCH_LOAD_EDITORS ?? "5" },
    entries: { type: "string", default: process.env.BENCH_ENTRIES ?? "100000" },
    "stack-dir": { type: "string", default: process.env.BENCH_STACK_DIR ?? ".bench/stack" },
    "demo-stack-dir": { type: "string", default: process.env.BENCH_LOAD_DEMO_STACK_DIR ?? ".stack" },
    "warmup-seconds": { type: "string", default: process.env.BENCH_LOAD_WARMUP_SECONDS },
    /** Run the console in a memory cgroup with this limit in MiB, as in a pod (see `npm run bench`). Root only. */
    "memory-limit": { type: "string", default: process.env.BENCH_MEMORY_LIMIT },
  },
});
const seconds = Number(values.seconds);
const users = Number(values.users);
const editors = Number(values.editors);
const stackDir = path.resolve(repoRoot, values["stack-dir"]!);
const demoStackDir = path.resolve(repoRoot, values["demo-stack-dir"]!);
/** RSS before this is the warm-up (index walk, first renders); the soak verdict reads what follows. */
const warmupSeconds = Number(values["warmup-seconds"] ?? Math.min(300, Math.round(seconds / 5)));
const token = randomBytes(24).toString("base64url");
const memoryLimitMib = parseMemoryLimit(values["memory-limit"]);

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
async function userToken(url: string, name: string, binding: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${url}/api/tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ name, bindings: [binding], expiresInDays: 1 }),
  });
  const body = (await response.json()) as { token?: string };
  if (response.status !== 201 || !body.token) throw new Error(`token ${name}: HTTP ${response.status}`);
  return body.token;
}

/**
 * The load console's configuration: the bench server, foo of the demo stack (over its Unix socket)
 * and the demo's sign-in (its OpenID provider and group bindings), in the bench stack dir.
 */
function writeLoadConsoleConfig(server: BenchServer): string {
  const demo = readStackState(demoStackDir);
  const foo = getStackServer(demo, "foo");
  const bench = (JSON.parse(readFileSync(server.consoleConfigPath, "utf8")) as { servers: unknown[] }).servers;
  const file = path.join(stackDir, "load-console.json");
  const config = {
    servers: [...bench, { name: foo.name, address: `unix://${foo.socketPath}`, trustDomain: foo.trustDomain }],
    auth: demoAuthConfig(demo.idp),
  };
  writeFileSync(file, JSON.stringify(config, null, 2) + "\n");
  return file;
}

/** Stops foo of the demo stack and starts it again with `stack up` (which starts only what is missing). */
async function restartFoo(): Promise<void> {
  const paths = getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: demoStackDir });
  await stopProcess(serverComponent(paths, "foo").spec);
  await promisify(execFile)(process.execPath, [path.join(repoRoot, "scripts/stack/cli.ts"), "up"], {
    cwd: repoRoot,
    env: { ...process.env, SPIRE_CONSOLE_STACK_DIR: demoStackDir },
  });
}

/** Runs `restart` once `afterMs` has passed; resolves with when it began and how long it took (s). */
async function restartAt(
  name: string,
  started: number,
  afterMs: number,
  restart: () => Promise<void>,
): Promise<{ atS: number; downS: number }> {
  await new Promise((r) => setTimeout(r, afterMs));
  const down = Date.now();
  console.log(`[load] restarting ${name} at ${Math.round((down - started) / 1000)} s`);
  await restart();
  return { atS: (down - started) / 1000, downS: (Date.now() - down) / 1000 };
}

/** How long after a restarted server is back its restart still counts (reconnects, the first walks). */
const SETTLE_MS = 10_000;

/** The restarts as windows of ms since the start of the traffic, for `LoadStats.summary`. */
function restartWindows(restarts: { atS: number; downS: number }[]): [number, number][] {
  return restarts.map((r) => [r.atS * 1000, (r.atS + r.downS) * 1000 + SETTLE_MS]);
}

/** The editors' entries the CLI lists (all 100,000+ entries are listed: on a busy machine that takes minutes). */
async function cliCount(server: BenchServer, run: string): Promise<number> {
  const out = await runServerCli(server.bin.spireServer, server.socketPath, ["entry", "show", "-output", "json"], {
    timeoutMs: 15 * 60_000,
  });
  const entries = (JSON.parse(out) as { entries: { spiffe_id: { path: string } }[] | null }).entries ?? [];
  return entries.filter((e) => e.spiffe_id.path.startsWith(`/load/${run}/`)).length;
}

/** One route's row of the printed latency table. */
function routeLine(route: string, o: { count: number; p50: number; p95: number; p99: number }): string {
  const ms = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
  return `${route.padEnd(18)} ${String(o.count).padStart(6)} ${ms(o.p50)} ${ms(o.p95)} ${ms(o.p99)}`;
}

async function main(): Promise<void> {
  const sessionUsers = Math.floor(users / 2);
  console.log(
    `[load] ${users} users (${sessionUsers} signed in through the OpenID provider, ${users - sessionUsers} with ` +
      `tokens), ${editors} editors, ${seconds} s (warm-up ${warmupSeconds} s), ` +
      `stack dirs ${stackDir} and ${demoStackDir}` +
      (memoryLimitMib === null ? "" : `, console in a memory cgroup of ${memoryLimitMib} MiB`),
  );
  const viewer = readIdpInfo(demoStackDir).users.find((u) => u.username === "viewer");
  if (!viewer) throw new Error(`the demo stack's OpenID provider has no viewer user`);
  const started = await startBenchConsole({
    stackDir,
    token,
    memoryLimitMib,
    cgroupName: `spire-console-load-${process.pid}`,
    startServer: () => startBenchServer(stackDir),
    consoleConfig: writeLoadConsoleConfig,
  });
  const { consoleServer, cgroup } = started;
  let server = started.server;
  try {
    const seeded = await seedBench(
      server.socketPath,
      path.join(stackDir, "bench"),
      Number(values.entries),
      BENCH_SERVER.trustDomain,
      server.agentId,
    );
    await waitForIndex(`${consoleServer.url}/api/servers/bench`);
    const run = Date.now().toString(36);
    const viewerTokens = await Promise.all(
      Array.from({ length: users - sessionUsers }, (_, k) =>
        userToken(consoleServer.url, `load ${run} user ${k}`, { role: "viewer", servers: ["bench", "foo"] }),
      ),
    );
    // An editor binding names what it may write: its own path, under the bench server's agents, with its own selectors.
    const td = BENCH_SERVER.trustDomain;
    const editorBinding = {
      role: "editor",
      servers: ["bench"],
      spiffeIdPrefixes: [`spiffe://${td}/load/${run}/`],
      parentIdPrefixes: [`spiffe://${td}/spire/agent/`],
      selectorPrefixes: [`bench:load:${run}`],
    };
    const editorTokens = await Promise.all(
      Array.from({ length: editors }, (_, k) => userToken(consoleServer.url, `load ${run} editor ${k}`, editorBinding)),
    );
    // One after another, as people arrive: each is a session of its own through the provider's real form.
    const sessions: string[] = [];
    for (let k = 0; k < sessionUsers; k++)
      sessions.push((await signInToConsole(consoleServer.url, viewer)).cookieHeader(consoleServer.url));
    const stats = new LoadStats();
    const started = Date.now();
    const ctx: Omit<Ctx, "auth"> = {
      consoleUrl: consoleServer.url,
      server: "bench",
      stats,
      until: started + seconds * 1000,
      agentId: `spiffe://${BENCH_SERVER.trustDomain}${seeded.agentPath}`,
      td: BENCH_SERVER.trustDomain,
      other: "foo",
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
    const restarts = Promise.all([
      restartAt("foo of the demo stack", started, (seconds * 1000) / 3, restartFoo),
      restartAt("the bench SPIRE server", started, (seconds * 1000) / 2, async () => {
        await server.stop();
        server = await startBenchServer(stackDir);
      }),
    ]);
    await Promise.all([
      ...sessions.map((cookie, k) => browse({ ...ctx, auth: { cookie }, pages: true }, k + 1)),
      ...viewerTokens.map((t, k) => browse({ ...ctx, auth: { authorization: `Bearer ${t}` } }, sessionUsers + k + 1)),
      ...editorTokens.map((t, k) => edit({ ...ctx, auth: { authorization: `Bearer ${t}` } }, k, run)),
    ]);
    clearInterval(sampler);
    sampleRss();
    const [fooRestart, benchRestart] = await restarts;
    const elapsed = (Date.now() - started) / 1000;
    const left = await cliCount(server, run);
    const expected = stats.creates - stats.deletes;
    const soak = soakVerdict(rss, warmupSeconds);
    const results = {
      users,
      sessionUsers,
      editors,
      memoryLimitMib,
      seconds: elapsed,
      at: new Date().toISOString(),
      loadavg: loadavg(),
      requests: stats.requests,
      rps: stats.requests / elapsed,
      routes: stats.summary(),
      /** The same, without the requests sent while a server restarted or within 10 s after it was back. */
      routesOutsideRestarts: stats.summary(restartWindows([fooRestart, benchRestart])),
      errors: Object.fromEntries([...stats.errors].sort()),
      restarts: { foo: fooRestart, bench: benchRestart },
      rss,
      soak,
      changes: { creates: stats.creates, deletes: stats.deletes, uncertain: stats.uncertain, cliCount: left, expected },
    };
    console.log("");
    console.log(`requests ${stats.requests} in ${elapsed.toFixed(0)} s: ${results.rps.toFixed(1)} per second`);
    console.log(`route              count     p50      p95      p99`);
    for (const [route, o] of Object.entries(results.routes)) console.log(routeLine(route, o));
    console.log(`outside the restarts (from each restart until 10 s after the server was back):`);
    for (const [route, o] of Object.entries(results.routesOutsideRestarts)) console.log(routeLine(route, o));
    console.log(`errors: ${JSON.stringify(results.errors)}`);
    for (const [name, r] of Object.entries(results.restarts))
      console.log(`${name} restarted at ${r.atS.toFixed(0)} s, back after ${r.downS.toFixed(1)} s`);
    console.log(`RSS (MiB) every 30 s: ${rss.map((r) => `${r.s}s=${r.mib.toFixed(0)}`).join(" ")}`);
    console.log(soak.summary);
    const changes = `${stats.creates} creates - ${stats.deletes} deletes = ${expected}`;
    console.log(`changes: ${changes}; the CLI counts ${left} (${stats.uncertain} uncertain)`);
    const file = path.join(stackDir, "..", "load-results.json");
    writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
    console.log(`[load] wrote ${file}`);
  } finally {
    await consoleServer.stop();
    cgroup?.remove();
    await server.stop();
  }
}

await main();
