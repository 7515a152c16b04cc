// Detached SPIRE processes tracked by pid files. A pid only counts as ours if it is
// alive and /proc/<pid>/cmdline shows our binary with our config path (pids get reused).
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface ProcessSpec {
  /** Absolute path of spire-server or spire-agent. */
  binary: string;
  configPath: string;
  pidPath: string;
  logPath: string;
}

/** Pid recorded in the pid file, or null. */
export function readPid(pidPath: string): number | null {
  if (!existsSync(pidPath)) return null;
  const pid = Number.parseInt(readFileSync(pidPath, "utf8").trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** True if `pid` is alive and runs `<binary basename> ... -config <configPath>`. */
export function isOurProcess(pid: number, spec: ProcessSpec): boolean {
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return false;
  }
  if (argv.length === 0) return false; // zombie or kernel thread
  const sameBinary = path.basename(argv[0] ?? "") === path.basename(spec.binary);
  const configIndex = argv.indexOf("-config");
  return sameBinary && configIndex >= 0 && argv[configIndex + 1] === spec.configPath;
}

/** Pid of our running process for this spec, or null if it is not running. */
export function runningPid(spec: ProcessSpec): number | null {
  const pid = readPid(spec.pidPath);
  return pid !== null && isOurProcess(pid, spec) ? pid : null;
}

/** Starts `binary run -config <config> ...extraArgs` detached, logging to its log file. */
export function startDetached(spec: ProcessSpec, extraArgs: readonly string[] = []): number {
  const logFd = openSync(spec.logPath, "a");
  try {
    const child = spawn(spec.binary, ["run", "-config", spec.configPath, ...extraArgs], {
      detached: true,
      stdio: ["ignore", logFd, logFd],
    });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${spec.binary}`);
    writeFileSync(spec.pidPath, `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(logFd);
  }
}

/**
 * Stops the process in the pid file (SIGTERM, then SIGKILL after `graceMs`) if it is
 * ours, and removes the pid file. Returns the pid that was stopped, or null.
 */
export async function stopProcess(spec: ProcessSpec, graceMs = 10_000): Promise<number | null> {
  const pid = runningPid(spec);
  if (pid !== null) {
    signal(pid, "SIGTERM");
    const deadline = Date.now() + graceMs;
    while (isOurProcess(pid, spec) && Date.now() < deadline) await sleep(100);
    if (isOurProcess(pid, spec)) {
      signal(pid, "SIGKILL");
      while (isOurProcess(pid, spec)) await sleep(50);
    }
  }
  rmSync(spec.pidPath, { force: true });
  return pid;
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
