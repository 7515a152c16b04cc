import { describe, expect, it } from "vitest";

import { memoryCgroupPaths, parseMemoryLimit } from "./memory-cgroup.ts";

const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe("memoryCgroupPaths", () => {
  it("uses memory.max under the unified hierarchy (cgroup v2)", () => {
    const has = only("/sys/fs/cgroup/cgroup.controllers", "/sys/fs/cgroup/memory/memory.limit_in_bytes");
    expect(memoryCgroupPaths("bench", has)).toEqual({ dir: "/sys/fs/cgroup/bench", limitFile: "memory.max" });
  });

  it("uses memory.limit_in_bytes under the memory controller's own hierarchy (cgroup v1)", () => {
    expect(memoryCgroupPaths("bench", only("/sys/fs/cgroup/memory/memory.limit_in_bytes"))).toEqual({
      dir: "/sys/fs/cgroup/memory/bench",
      limitFile: "memory.limit_in_bytes",
    });
  });

  it("finds none without a memory controller", () => {
    expect(memoryCgroupPaths("bench", only())).toBeUndefined();
  });
});

describe("parseMemoryLimit", () => {
  it("reads MiB, none when not given, and refuses what is not a positive number", () => {
    expect(parseMemoryLimit("768")).toBe(768);
    expect(parseMemoryLimit(undefined)).toBeNull();
    expect(() => parseMemoryLimit("lots")).toThrow('--memory-limit is a number of MiB, not "lots"');
    expect(() => parseMemoryLimit("0")).toThrow("--memory-limit");
  });
});
