// A real Alertmanager (v0.35.0, built into the cache by scripts/alertmanager) for the alert tests: the console's
// Alertmanager sink sends to it, and its own API (GET /api/v2/alerts) is the witness of what arrived.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { ALERTMANAGER_VERSION, alertmanagerBinary } from "../../scripts/alertmanager/paths.ts";
import { findFreePort } from "../../scripts/stack/ports.ts";

/** An alert as Alertmanager's v2 API lists it. */
export type AmAlert = {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  status: { state: string; silencedBy: string[] };
};

export type RunningAlertmanager = {
  url: string;
  /** The alerts Alertmanager holds as active now (resolved ones are not listed). */
  alerts: () => Promise<AmAlert[]>;
  output: () => string;
  stop: () => Promise<void>;
};

// Every alert goes to a receiver that sends nothing: the test reads what Alertmanager holds through its API.
const config = `route:
  receiver: "null"
receivers:
  - name: "null"
`;

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      process.kill(child.pid!, "SIGTERM");
      setTimeout(() => child.exitCode === null && process.kill(child.pid!, "SIGKILL"), 5_000).unref();
    });
}

/** Starts Alertmanager on a free 127.0.0.1 port (no clustering) and waits until /-/ready answers. */
export async function startAlertmanager(): Promise<RunningAlertmanager> {
  const binary = alertmanagerBinary();
  if (!existsSync(binary)) {
    throw new Error(
      `Alertmanager v${ALERTMANAGER_VERSION} is not built at ${binary}: run \`node scripts/alertmanager/cli.ts\` ` +
        "(npm test does it once, with Go and the Go module proxy).",
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), "spc-alertmanager-"));
  writeFileSync(path.join(dir, "alertmanager.yml"), config);
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    `--config.file=${path.join(dir, "alertmanager.yml")}`,
    `--storage.path=${path.join(dir, "data")}`,
    `--web.listen-address=127.0.0.1:${port}`,
    "--cluster.listen-address=",
  ];
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const collect = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const stop = stopper(child);
  const alerts = async () => {
    const response = await fetch(`${url}/api/v2/alerts`, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`GET ${url}/api/v2/alerts answered ${response.status}`);
    return (await response.json()) as AmAlert[];
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ok = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { url, alerts, output: () => log, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Alertmanager did not start (exit ${child.exitCode}):\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
