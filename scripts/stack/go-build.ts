// One `go build` for the stack scripts (SPIRE, etcd, kube-apiserver, helm): runs it with its output
// kept to the last 20 kB, says every so often that it is still going, and on failure throws a
// StackError whose detail is the last 25 lines of Go's output.
import { spawn } from "node:child_process";

import { run } from "./exec.ts";
import { say, StackError, stopwatch } from "./log.ts";

export type GoBuild = {
  /** What is built, for the progress lines ("helm v3.22.0"). */
  label: string;
  /** Arguments after `go` (`build -trimpath ... pkg`). */
  args: string[];
  /** The module the build runs in. */
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** How often to say it is still building. */
  tickMs?: number;
  /** What else the build needs besides Go, for the message when Go is missing ("gcc, which cgo needs"). */
  alsoNeeds?: string;
};

/**
 * Runs `go <args>` in `cwd`; resolves when it succeeds, throws a StackError naming `label` when Go is missing or the
 * build fails.
 */
export async function goBuild({
  label,
  args,
  cwd,
  env = process.env,
  tickMs = 30_000,
  alsoNeeds,
}: GoBuild): Promise<void> {
  if ((await run("go", ["version"]).catch(() => null))?.code !== 0) {
    const also = alsoNeeds ? ` (and ${alsoNeeds})` : "";
    throw new StackError(
      `building ${label}: Go is not on PATH; install Go >= 1.26 from https://go.dev/dl/${also}, then rerun.`,
    );
  }
  const elapsed = stopwatch();
  const child = spawn("go", args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const ticker = setInterval(() => say(`  still building ${label} ... ${elapsed()}`), tickMs);
  const code = await new Promise<number>((resolve) => {
    child.on("error", () => resolve(1));
    child.on("close", (c) => resolve(c ?? 1));
  }).finally(() => clearInterval(ticker));
  if (code !== 0) {
    const tail = output.trimEnd().split("\n").slice(-25).join("\n");
    throw new StackError(`go ${args.join(" ")} in ${cwd}: ${label} failed after ${elapsed()} (exit ${code})`, tail);
  }
  say(`built ${label} in ${elapsed()}`);
}
