// The bench console as a pod runs it: in a memory cgroup with a limit (the Helm chart's is 768 MiB). Node sizes
// V8's heap from the smaller of the machine's memory and its cgroup's limit when it starts, so a console in a pod
// gets a smaller heap (and young generation) than one on this 24 GiB machine; no Node flag is involved.
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = "/sys/fs/cgroup";

/** A memory cgroup made for one run: a process that writes its pid to `procsFile` joins it. */
export type MemoryCgroup = { procsFile: string; limitMib: number; remove: () => void };

/** The `--memory-limit` option's MiB, or null when it was not given; throws when it is not a positive number. */
export function parseMemoryLimit(value: string | undefined): number | null {
  if (value === undefined) return null;
  const mib = Number(value);
  if (!(mib > 0)) throw new Error(`--memory-limit is a number of MiB, not "${value}"`);
  return mib;
}

/** Where the cgroup of `name` lives and which file takes its limit, for cgroup v2 or v1 (undefined: neither). */
export function memoryCgroupPaths(
  name: string,
  has: (file: string) => boolean,
): { dir: string; limitFile: string } | undefined {
  if (has(`${ROOT}/cgroup.controllers`)) return { dir: `${ROOT}/${name}`, limitFile: "memory.max" };
  if (has(`${ROOT}/memory/memory.limit_in_bytes`))
    return { dir: `${ROOT}/memory/${name}`, limitFile: "memory.limit_in_bytes" };
  return undefined;
}

/**
 * Makes a memory cgroup limited to `limitMib` (root only: it writes /sys/fs/cgroup). Throws a sentence saying why
 * when it cannot (no memory controller, not root), rather than run the bench without the limit it was asked for.
 */
export function createMemoryCgroup(name: string, limitMib: number): MemoryCgroup {
  const paths = memoryCgroupPaths(name, existsSync);
  if (!paths) throw new Error(`--memory-limit: no cgroup memory controller under ${ROOT}`);
  if (paths.limitFile === "memory.max") {
    const enabled = readFileSync(`${ROOT}/cgroup.subtree_control`, "utf8");
    if (!/\bmemory\b/.test(enabled)) throw new Error(`--memory-limit: the memory controller is not enabled in ${ROOT}`);
  }
  try {
    mkdirSync(paths.dir, { recursive: true });
    writeFileSync(path.join(paths.dir, paths.limitFile), String(limitMib * 1024 * 1024));
  } catch (error) {
    throw new Error(`--memory-limit: cannot make ${paths.dir} (run the bench as root): ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    procsFile: path.join(paths.dir, "cgroup.procs"),
    limitMib,
    remove: () => {
      try {
        rmdirSync(paths.dir);
      } catch {
        // still in use (a process left in it): the kernel keeps it until it is empty
      }
    },
  };
}
