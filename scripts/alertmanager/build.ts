// Provides Alertmanager: reuses the cached binary when it reports the pinned version, else builds it once with
// `go build` from its Go module (downloaded through the pinning module scripts/alertmanager/alertmanager-build).
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { run } from "../stack/exec.ts";
import { goBuild } from "../stack/go-build.ts";
import { say, StackError } from "../stack/log.ts";
import { ALERTMANAGER_VERSION, alertmanagerBinary, alertmanagerSourceDir } from "./paths.ts";

const moduleDir = path.join(import.meta.dirname, "alertmanager-build");
const mod = "github.com/prometheus/alertmanager";
const placeholder = "<!doctype html><title>Alertmanager</title><p>The web UI is not built here; the API is.</p>\n";

async function versionOf(binary: string): Promise<string> {
  const out = await run(binary, ["--version"]).catch(() => null);
  return out ? `${out.stdout}${out.stderr}`.trim() : "";
}

/** Downloads the pinned module (checked against go.sum) and returns where Go keeps it. */
async function downloadModule(): Promise<string> {
  const out = await run("go", ["mod", "download", "-json", `${mod}@v${ALERTMANAGER_VERSION}`], { cwd: moduleDir });
  const dir = out.code === 0 ? (JSON.parse(out.stdout) as { Dir?: string }).Dir : undefined;
  if (!dir) throw new StackError(`go mod download ${mod}@v${ALERTMANAGER_VERSION} failed`, out.stderr);
  return dir;
}

/** Copies the module into the cache, writable, with the placeholder pages ui/web.go embeds (app/dist). */
function prepareSource(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  chmodRecursive(to);
  for (const ui of ["elm", "mantine"]) {
    mkdirSync(path.join(to, "ui", "app", "dist", ui), { recursive: true });
    writeFileSync(path.join(to, "ui", "app", "dist", ui, "index.html"), placeholder);
  }
}

function chmodRecursive(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chmodRecursive(full);
    else chmodSync(full, 0o644);
  }
}

/** Returns the path of an Alertmanager binary that reports version <ALERTMANAGER_VERSION>, building it when needed. */
export async function ensureAlertmanager(binary = alertmanagerBinary()): Promise<string> {
  const expected = `alertmanager, version ${ALERTMANAGER_VERSION} `;
  if (existsSync(binary)) {
    const version = await versionOf(binary);
    if (version.startsWith(expected)) return binary;
    say(`cached ${binary} reports "${version.split("\n")[0]}", expected ${ALERTMANAGER_VERSION}; rebuilding`);
  }
  mkdirSync(path.dirname(binary), { recursive: true });
  say(`building Alertmanager v${ALERTMANAGER_VERSION} into ${path.dirname(binary)} (first time only)`);
  const source = alertmanagerSourceDir();
  prepareSource(await downloadModule(), source);
  const ldflags = `-s -w -X github.com/prometheus/common/version.Version=${ALERTMANAGER_VERSION}`;
  await goBuild({
    label: `Alertmanager v${ALERTMANAGER_VERSION}`,
    args: ["build", "-trimpath", "-ldflags", ldflags, "-o", binary, "./cmd/alertmanager"],
    cwd: source,
    env: { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-buildvcs=false -mod=readonly" },
  });
  rmSync(source, { recursive: true, force: true });
  const version = await versionOf(binary);
  if (!version.startsWith(expected)) {
    throw new StackError(`the fresh ${binary} reports "${version.split("\n")[0]}", expected ${ALERTMANAGER_VERSION}`);
  }
  return binary;
}
