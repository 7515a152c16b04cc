// Runs the built console (`next start`) against the bench server's config on a free port.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { findFreePort } from "../stack/ports.ts";
import { sleep } from "../stack/process.ts";

const repoRoot = path.resolve(import.meta.dirname, "../..");

export type BenchConsole = { url: string; pid: number; stop: () => Promise<void> };

/** Builds the console once when there is no production build yet. */
function ensureBuild(): void {
  const distDir = process.env.SPIRE_CONSOLE_DIST_DIR || ".next";
  if (existsSync(path.join(repoRoot, distDir, "BUILD_ID"))) return;
  console.log(`[bench] no production build in ${distDir}: running next build`);
  const build = spawnSync(process.execPath, [path.join(repoRoot, "node_modules/next/dist/bin/next"), "build"], {
    cwd: repoRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
}

/** Starts `next start` with SPIRE_CONSOLE_CONFIG pointing at the bench server. */
export async function startBenchConsole(configPath: string): Promise<BenchConsole> {
  ensureBuild();
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", SPIRE_CONSOLE_CONFIG: configPath },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/servers`).then((r) => r.ok, () => false)) {
      return {
        url,
        pid: child.pid!,
        stop: () =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      };
    }
    await sleep(250);
  }
  child.kill("SIGKILL");
  throw new Error("the console did not start within 60 s");
}
