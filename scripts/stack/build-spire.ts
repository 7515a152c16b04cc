// Provides spire-server and spire-agent binaries: reuses the cache, else builds them
// from source through the wrapper module in scripts/stack/spire-build (see its go.mod).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import { run } from "./exec.ts";
import { say, StackError, stopwatch } from "./log.ts";
import { SPIRE_VERSION } from "./paths.ts";

export interface SpireBinaries {
  spireServer: string;
  spireAgent: string;
  version: string;
}

const buildModuleDir = path.join(import.meta.dirname, "spire-build");

/** Returns verified SPIRE binaries from `binDir`, building them first if missing or broken. */
export async function ensureSpireBinaries(binDir: string): Promise<SpireBinaries> {
  const spireServer = path.join(binDir, "spire-server");
  const spireAgent = path.join(binDir, "spire-agent");
  if (existsSync(spireServer) && existsSync(spireAgent)) {
    const cached = await versionOf(spireServer);
    if (cached.startsWith(SPIRE_VERSION)) {
      say(`using cached SPIRE ${cached} binaries in ${binDir}`);
      return { spireServer, spireAgent, version: cached };
    }
    say(`cached spire-server reports "${cached.split("\n")[0]}" instead of ${SPIRE_VERSION}; rebuilding`);
  }
  await buildSpire(binDir);
  const version = await versionOf(spireServer);
  if (!version.startsWith(SPIRE_VERSION)) {
    throw new StackError(
      `freshly built ${spireServer} reports version "${version.split("\n")[0]}", expected ${SPIRE_VERSION}`,
    );
  }
  return { spireServer, spireAgent, version };
}

async function versionOf(binary: string): Promise<string> {
  const out = await run(binary, ["--version"]);
  return (out.stdout + out.stderr).trim();
}

async function buildSpire(binDir: string): Promise<void> {
  if ((await run("go", ["version"]).catch(() => null))?.code !== 0) {
    throw new StackError(
      "Go is not on PATH: install Go >= 1.26 from https://go.dev/dl/ (and gcc, which cgo needs for SPIRE's sqlite driver), then rerun.",
    );
  }
  mkdirSync(binDir, { recursive: true });
  // gittag without the "v" (as SPIRE's Makefile does): the sqlstore parses it as semver at init.
  const ldflags = `-s -w -X github.com/spiffe/spire/pkg/common/version.gittag=${SPIRE_VERSION}`;
  const args = [
    "build",
    "-trimpath",
    "-ldflags",
    ldflags,
    "-o",
    `${binDir}/`,
    "github.com/spiffe/spire/cmd/spire-server",
    "github.com/spiffe/spire/cmd/spire-agent",
  ];
  say(`building spire-server and spire-agent v${SPIRE_VERSION} into ${binDir} (first time only, several minutes)`);
  const elapsed = stopwatch();
  const child = spawn("go", args, {
    cwd: buildModuleDir,
    env: { ...process.env, CGO_ENABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const ticker = setInterval(() => say(`  still building ... ${elapsed()}`), 15_000);
  const code = await new Promise<number>((resolve) => {
    child.on("error", () => resolve(1));
    child.on("close", (c) => resolve(c ?? 1));
  }).finally(() => clearInterval(ticker));
  if (code !== 0) {
    const tail = output.trimEnd().split("\n").slice(-25).join("\n");
    throw new StackError(`go build of SPIRE failed after ${elapsed()} (exit ${code})`, tail);
  }
  say(`built SPIRE v${SPIRE_VERSION} in ${elapsed()}`);
}
