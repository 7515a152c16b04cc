// Detached processes of the local stack tracked by pid files. A pid only counts as ours if
// it is alive and /proc/<pid>/cmdline shows our binary with an argument only our process has
// (pids get reused): the config path for SPIRE, a data or cert dir for etcd / kube-apiserver.
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Any detached process of ours: its binary, an argument only it has, its pid and log files. */
export interface TrackedProcess {
  binary: string;
  marker: string;
  pidPath: string;
  logPath: string;
}

/** A SPIRE server or agent, started as `binary run -config <configPath>`. */
export interface ProcessSpec {
  /** Absolute path of spire-server or spire-agent. */
  binary: string;
  configPath: string;
  pidPath: string;
  logPath: string;
}

const tracked = (spec: ProcessSpec): TrackedProcess => ({ ...spec, marker: spec.configPath });

/** Pid recorded in the pid file, or null. */
function readPid(pidPath: string): number | null {
  if (!existsSync(pidPath)) return null;
  const pid = Number.parseInt(readFileSync(pidPath, "utf8").trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** True if `pid` is alive and runs our binary with our marker argument. */
function isOurs(pid: number, proc: TrackedProcess): boolean {
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return false;
  }
  if (argv.length === 0) return false; // zombie or kernel thread
  return path.basename(argv[0] ?? "") === path.basename(proc.binary) && argv.includes(proc.marker);
}

/** Pid of our running process, or null if it is not running. */
export function trackedPid(proc: TrackedProcess): number | null {
  const pid = readPid(proc.pidPath);
  return pid !== null && isOurs(pid, proc) ? pid : null;
}

/** Starts `binary ...args` detached (args must include the marker), logging to its log file. */
export function spawnTracked(proc: TrackedProcess, args: readonly string[]): number {
  if (!args.includes(proc.marker)) throw new Error(`${proc.binary}: start arguments lack the marker ${proc.marker}`);
  const logFd = openSync(proc.logPath, "a");
  try {
    const child = spawn(proc.binary, args, { detached: true, stdio: ["ignore", logFd, logFd] });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${proc.binary}`);
    writeFileSync(proc.pidPath, `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(logFd);
  }
}

/**
 * Stops the process in the pid file (SIGTERM, then SIGKILL after `graceMs`) if it is ours,
 * and removes the pid file. Returns the pid that was stopped, or null.
 */
export async function stopTracked(proc: TrackedProcess, graceMs = 10_000): Promise<number | null> {
  const pid = trackedPid(proc);
  if (pid !== null) {
    signal(pid, "SIGTERM");
    const deadline = Date.now() + graceMs;
    while (isOurs(pid, proc) && Date.now() < deadline) await sleep(100);
    if (isOurs(pid, proc)) {
      signal(pid, "SIGKILL");
      while (isOurs(pid, proc)) await sleep(50);
    }
  }
  rmSync(proc.pidPath, { force: true });
  return pid;
}

/** Pid of our running SPIRE process for this spec, or null if it is not running. */
export function runningPid(spec: ProcessSpec): number | null {
  return trackedPid(tracked(spec));
}

/** Starts `binary run -config <config> ...extraArgs` detached, logging to its log file. */
export function startDetached(spec: ProcessSpec, extraArgs: readonly string[] = []): number {
  return spawnTracked(tracked(spec), ["run", "-config", spec.configPath, ...extraArgs]);
}

/** Stops our SPIRE process for this spec, if running; see `stopTracked`. */
export function stopProcess(spec: ProcessSpec, graceMs = 10_000): Promise<number | null> {
  return stopTracked(tracked(spec), graceMs);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
