// Runs the console the way its container image does, without a container engine: copies exactly
// what the Dockerfile's final stage copies into a temporary folder, sets its ENV, and runs its CMD
// there. The folder is read-only (as with readOnlyRootFilesystem) except the declared data dir and
// /tmp: as root, in a private mount namespace where / and the app are remounted read-only; as
// any other user, by taking away the write bits.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { repoRoot } from "../../scripts/lib/console-server.ts";
import { findFreePort } from "../../scripts/stack/ports.ts";

/** What the final stage of the Dockerfile does. */
export type FinalStage = {
  workdir: string;
  copies: { from: string; to: string }[];
  env: Record<string, string>;
  volumes: string[];
  cmd: string[];
};

/** Reads the last stage of a Dockerfile: its WORKDIR, `COPY --from=…` lines, ENV, VOLUME and CMD. */
export function readFinalStage(dockerfile: string): FinalStage {
  const lines = readFileSync(dockerfile, "utf8")
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const start = lines.findLastIndex((l) => /^FROM\s/i.test(l));
  const stage: FinalStage = { workdir: "/", copies: [], env: {}, volumes: [], cmd: [] };
  for (const line of lines.slice(start + 1)) {
    const [instruction = "", ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    switch (instruction.toUpperCase()) {
      case "WORKDIR":
        stage.workdir = args;
        break;
      case "COPY": {
        const parts = rest.filter((p) => !p.startsWith("--"));
        if (!rest.some((p) => p.startsWith("--from=")))
          throw new Error(`COPY without --from in the final stage: ${line}`);
        stage.copies.push({ from: parts[0]!, to: path.posix.resolve(stage.workdir, parts[1]!) });
        break;
      }
      case "ENV":
        for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(\S*)/g)) stage.env[m[1]!] = m[2]!;
        break;
      case "VOLUME":
        stage.volumes.push(...(JSON.parse(args) as string[]));
        break;
      case "CMD":
        stage.cmd = JSON.parse(args) as string[];
        break;
    }
  }
  return stage;
}

export type StandaloneServer = {
  url: string;
  pid: number;
  /** How the file system was made read-only: a private mount namespace, or write bits taken away. */
  readOnly: "mount" | "mode";
  appDir: string;
  dataDir: string;
  log: () => string;
  stop: () => Promise<void>;
};

function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (child.exitCode !== null)
        return reject(new Error(`the standalone server exited (${child.exitCode}):\n${log()}`));
      if (Date.now() > deadline) return reject(new Error(`no answer at ${url}/healthz within 60 s:\n${log()}`));
      fetch(`${url}/healthz`).then(
        (r) => (r.status === 200 ? resolve() : setTimeout(poll, 250)),
        () => setTimeout(poll, 250),
      );
    };
    poll();
  });
}

const canRemount = () =>
  process.getuid?.() === 0 && spawnSync("unshare", ["-m", "true"], { stdio: "ignore" }).status === 0;

/**
 * Copies the image's files out of the build (`/src/.next` is the build's dist dir), then starts
 * the CMD on a free loopback port with `env` added; the declared /data becomes a fresh folder.
 */
export async function startStandalone(env: Record<string, string>): Promise<StandaloneServer> {
  const stage = readFinalStage(path.join(repoRoot, "Dockerfile"));
  const distDir = process.env.SPIRE_CONSOLE_DIST_DIR || ".next";
  const root = mkdtempSync(path.join(tmpdir(), "spc-standalone-"));
  const appDir = path.join(root, "app");
  const dataDir = path.join(root, "data");
  mkdirSync(dataDir, { mode: 0o700 });
  const inImage = (p: string) =>
    path.join(root, "app", path.posix.relative(stage.workdir, p).replace(/^\.next\b/, distDir));
  for (const { from, to } of stage.copies) {
    const source = path.join(repoRoot, path.posix.relative("/src", from).replace(/^\.next\b/, distDir));
    statSync(source); // a missing build output fails here, naming it
    mkdirSync(path.dirname(inImage(to)), { recursive: true });
    cpSync(source, inImage(to), { recursive: true });
  }
  const port = await findFreePort();
  const childEnv = {
    PATH: process.env.PATH,
    ...stage.env,
    SPIRE_CONSOLE_DATA_DIR: dataDir,
    HOSTNAME: "127.0.0.1",
    PORT: String(port),
    TMPDIR: tmpdir(),
    ...env,
  } as unknown as NodeJS.ProcessEnv;
  const [command, ...args] = stage.cmd;
  if (command !== "node") throw new Error(`the image's CMD does not start node: ${stage.cmd.join(" ")}`);
  const readOnly = canRemount();
  // Everything but /tmp and the data dir becomes read-only, the app folder included.
  const script =
    'mount --bind /tmp /tmp && mount --bind "$1" "$1" && mount -o remount,bind,ro / && ' +
    'mount --bind "$2" "$2" && mount -o remount,bind,ro "$2" && shift 2 && exec "$@"';
  if (!readOnly) chmodTree(appDir, false);
  const child = readOnly
    ? spawn("unshare", ["-m", "sh", "-c", script, "sh", dataDir, appDir, process.execPath, ...args], {
        cwd: appDir,
        env: childEnv,
        stdio: ["ignore", "pipe", "pipe"],
      })
    : spawn(process.execPath, args, { cwd: appDir, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  child.stdout?.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => output.push(d.toString()));
  const log = () => output.join("");
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      await exited;
    }
    if (!readOnly) chmodTree(appDir, true);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, appDir, dataDir, readOnly: readOnly ? "mount" : "mode", log, stop };
}

/** Adds or removes the owner's write bit on a whole tree. */
function chmodTree(dir: string, writable: boolean): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chmodTree(full, writable);
    if (!entry.isSymbolicLink()) chmodSync(full, (statSync(full).mode & 0o777 & ~0o222) | (writable ? 0o200 : 0));
  }
  chmodSync(dir, (statSync(dir).mode & 0o777 & ~0o222) | (writable ? 0o200 : 0));
}
