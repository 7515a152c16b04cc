// Every entry write goes through the one write check (entry-write-check.ts): a file that sends a
// change to SPIRE through send-entry-changes.ts must also call authorizeEntryWrite, and only
// send-entry-changes.ts may call the SPIRE adapter's batch calls. A new write path that skips the
// check fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}
const files = ["lib", "app", "server"].flatMap(sources);
const text = (file: string) => readFileSync(path.join(root, file), "utf8");
const valueImport = (module: string) => new RegExp(`^import (?!type )[^;]*from "[^"]*${module}";`, "m");

describe("entry write paths", () => {
  it("call authorizeEntryWrite wherever they call send-entry-changes", () => {
    const writers = files.filter((f) => valueImport("send-entry-changes").test(text(f)));
    expect(writers.length).toBeGreaterThanOrEqual(3);
    for (const file of writers) {
      const source = text(file);
      const calls = /\b(sendEntryCreates|sendEntryUpdate|sendEntryDeletes)\(/.test(source);
      if (calls) expect(source, file).toMatch(/authorizeEntryWrite\(/);
    }
  });

  it("reach SPIRE's batch entry calls only through send-entry-changes.ts", () => {
    const direct = files.filter((f) => valueImport("lib/spire/entry-mutations").test(text(f)));
    expect(direct).toEqual(["lib/entries/send-entry-changes.ts"]);
  });
});
