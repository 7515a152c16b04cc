// Detached etcd / kube-apiserver processes tracked by pid files. A pid only counts as
// ours if it is alive and its command line shows our binary with our marker argument
// (etcd: --data-dir <dir>, kube-apiserver: --cert-dir <dir>), since pids get reused.
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { sleep } from "../stack/process.ts";

export interface K8sProcess {
  label: string;
  binary: string;
  /** An argument (e.g. "--data-dir=/x") that only our process has. */
  marker: string;
  pidPath: string;
  logPath: string;
}

function readPid(pidPath: string): number | null {
  if (!existsSync(pidPath)) return null;
  const pid = Number.parseInt(readFileSync(pidPath, "utf8").trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function isOurs(pid: number, proc: K8sProcess): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    return path.basename(argv[0] ?? "") === path.basename(proc.binary) && argv.includes(proc.marker);
  } catch {
    return false;
  }
}

/** Pid of our running process, or null. */
export function runningPid(proc: K8sProcess): number | null {
  const pid = readPid(proc.pidPath);
  return pid !== null && isOurs(pid, proc) ? pid : null;
}

/** Starts `binary ...args` detached (args must include the marker), logging to its log file. */
export function startDetached(proc: K8sProcess, args: readonly string[]): number {
  if (!args.includes(proc.marker)) throw new Error(`${proc.label}: start arguments lack the marker ${proc.marker}`);
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

/** SIGTERM, then SIGKILL after `graceMs`; removes the pid file. Returns the stopped pid or null. */
export async function stopDetached(proc: K8sProcess, graceMs = 10_000): Promise<number | null> {
  const pid = runningPid(proc);
  if (pid !== null) {
    kill(pid, "SIGTERM");
    const deadline = Date.now() + graceMs;
    while (isOurs(pid, proc) && Date.now() < deadline) await sleep(100);
    if (isOurs(pid, proc)) {
      kill(pid, "SIGKILL");
      while (isOurs(pid, proc)) await sleep(50);
    }
  }
  rmSync(proc.pidPath, { force: true });
  return pid;
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
