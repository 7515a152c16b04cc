// Waits for a started SPIRE process to report healthy through its `healthcheck` command.
import { run } from "./exec.ts";
import { StackError, stopwatch, tailFile } from "./log.ts";
import type { ProcessSpec } from "./process.ts";
import { runningPid, sleep } from "./process.ts";

export interface HealthTarget {
  /** Human name used in messages, e.g. "foo" or "foo-agent-1". */
  label: string;
  spec: ProcessSpec;
  /** Socket given to `healthcheck -socketPath` (server API or agent Workload API). */
  socketPath: string;
}

/**
 * Polls `<binary> healthcheck -socketPath <socket>` until it passes; returns the
 * elapsed time ("1.8s"). Fails fast if the process exits, and after `timeoutMs`.
 */
export async function waitHealthy(target: HealthTarget, timeoutMs = 30_000): Promise<string> {
  const elapsed = stopwatch();
  const deadline = Date.now() + timeoutMs;
  const { spec } = target;
  for (;;) {
    const check = await run(spec.binary, ["healthcheck", "-socketPath", target.socketPath], { timeoutMs: 5_000 });
    if (check.code === 0) return elapsed();
    if (runningPid(spec) === null) {
      throw new StackError(`${target.label} exited during start-up; see ${spec.logPath}`, tailFile(spec.logPath));
    }
    if (Date.now() > deadline) {
      throw new StackError(
        `${target.label} did not become healthy within ${timeoutMs / 1000}s; see ${spec.logPath}`,
        tailFile(spec.logPath),
      );
    }
    await sleep(250);
  }
}
