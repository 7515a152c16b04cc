// Runs the built console (`next start`) on a free loopback port: used by the integration and
// e2e tests' global setup and by the benchmark.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { findFreePort } from "../stack/ports.ts";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(repoRoot, "node_modules/next/dist/bin/next");
const distDir = () => process.env.SPIRE_CONSOLE_DIST_DIR || ".next";

export type RunningConsole = { url: string; pid: number; output: () => string; stop: () => Promise<void> };

/** Preloaded into the console so it knows each request's real peer address (trusted-proxy checks). */
export const requestHook = path.join(repoRoot, "server/request-hook.mjs");

/** Builds the console once when there is no production build yet. */
export function ensureConsoleBuild(): void {
  if (existsSync(path.join(repoRoot, distDir(), "BUILD_ID"))) return;
  console.log(`[console] no production build in ${distDir()}: running next build`);
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: repoRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    const answered = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (answered) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the console did not answer at ${url} within ${timeoutMs} ms`);
}

/** How to start the console: `cgroupProcs`, a cgroup's `cgroup.procs` file it joins before Node starts. */
export type StartOptions = { cgroupProcs?: string };

/**
 * Runs `next start` with the given environment (e.g. SPIRE_CONSOLE_CONFIG and a bootstrap token);
 * the production build must exist.
 */
export async function startConsole(env: Record<string, string>, options: StartOptions = {}): Promise<RunningConsole> {
  if (!existsSync(path.join(repoRoot, distDir(), "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir()}: run \`npm test\` (it builds), or \`npx next build\` first.`);
  }
  const port = await findFreePort();
  const node = [process.execPath, nextBin, "start", "-H", "127.0.0.1", "-p", String(port)];
  // In a cgroup: a shell joins it and becomes Node (same pid), so Node reads the cgroup's limit as it starts.
  const [command, ...args] = options.cgroupProcs
    ? ["/bin/sh", "-c", 'echo $$ > "$0" && exec "$@"', options.cgroupProcs, ...node]
    : node;
  const child = spawn(command!, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${requestHook}`.trim(),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/api/servers`, child, 60_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n${log.join("")}`, { cause: error });
  }
  return {
    url,
    pid: child.pid!,
    output: () => log.join(""),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
