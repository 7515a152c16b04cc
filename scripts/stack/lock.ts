// One `up`/`down` at a time per stack dir: an exclusive lock file holding the pid.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { say, StackError } from "./log.ts";
import { sleep } from "./process.ts";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `task` while holding `<stackDir>/.lock`. Waits (up to `waitMs`) while another
 * live process holds it; a lock left by a dead process is taken over.
 */
export async function withStackLock<T>(stackDir: string, task: () => Promise<T>, waitMs = 300_000): Promise<T> {
  mkdirSync(stackDir, { recursive: true });
  const lockPath = path.join(stackDir, ".lock");
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: "wx" });
      break;
    } catch {
      const holder = readHolder(lockPath);
      if (holder === null || !isAlive(holder)) {
        rmSync(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new StackError(`another stack command (pid ${holder}) still holds ${lockPath}`);
      if (!announced) say(`waiting for another stack command (pid ${holder}) to finish ...`);
      announced = true;
      await sleep(200);
    }
  }
  try {
    return await task();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

function readHolder(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
