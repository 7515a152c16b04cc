// Starts a real Prometheus (the cached build, scripts/prometheus/build.ts) on a free 127.0.0.1 port with a given
// scrape config, and stops it again: for the tests that compare the console's panels with PromQL.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync, writeFileSync } from "node:fs";
import path from "node:path";

import { findFreePort } from "../stack/ports.ts";
import { ensurePrometheus } from "./build.ts";
import { renderScrapeConfig, type ScrapeTarget } from "./scrape-config.ts";

export type RunningPrometheus = { url: string; pid: number; stop: () => Promise<void> };

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with code ${child.exitCode}`);
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`prometheus did not become ready at ${url} within ${timeoutMs} ms`);
}

/** Starts Prometheus in `dir` (config, data and log there) scraping `targets`; resolves once it is ready. */
export async function startPrometheus(dir: string, targets: readonly ScrapeTarget[]): Promise<RunningPrometheus> {
  const binary = await ensurePrometheus();
  mkdirSync(path.join(dir, "data"), { recursive: true });
  const configPath = path.join(dir, "prometheus.yml");
  writeFileSync(configPath, renderScrapeConfig(targets));
  const port = await findFreePort();
  const log = openSync(path.join(dir, "prometheus.log"), "a");
  const args = [
    `--config.file=${configPath}`,
    `--storage.tsdb.path=${path.join(dir, "data")}`,
    `--web.listen-address=127.0.0.1:${port}`,
    "--storage.tsdb.retention.time=1d",
    "--log.level=warn",
  ];
  const child = spawn(binary, args, { stdio: ["ignore", log, log] });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  try {
    await waitReady(url, child, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, stop };
}
