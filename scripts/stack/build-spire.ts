// Provides spire-server and spire-agent binaries: reuses the cache, else builds them
// from source through the wrapper module in scripts/stack/spire-build (see its go.mod).
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import { run } from "./exec.ts";
import { goBuild } from "./go-build.ts";
import { say, StackError } from "./log.ts";
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
  await goBuild({
    label: `SPIRE v${SPIRE_VERSION}`,
    args,
    cwd: buildModuleDir,
    env: { ...process.env, CGO_ENABLED: "1" },
    tickMs: 15_000,
    alsoNeeds: "gcc, which cgo needs for SPIRE's sqlite driver",
  });
}
