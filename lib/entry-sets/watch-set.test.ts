import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import type { EntrySetConfig } from "@/lib/config/entry-sets-schema";

import type { SetFiles } from "./read-set-files";
import { type SetWatch, watchSet } from "./watch-set";

const dirs: string[] = [];
const watches: SetWatch[] = [];
afterEach(() => {
  for (const w of watches.splice(0)) w.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A directory laid out as the kubelet mounts a ConfigMap: keys are symlinks through `..data` to a timestamped folder. */
function configMapMount(files: Record<string, string>): { dir: string; swap: (next: Record<string, string>) => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "entry-set-cm-"));
  dirs.push(dir);
  let generation = 0;
  const publish = (content: Record<string, string>) => {
    const folder = `..2026_12_06_${generation++}`;
    mkdirSync(path.join(dir, folder));
    for (const [name, text] of Object.entries(content)) writeFileSync(path.join(dir, folder, name), text);
    // The kubelet's atomic writer: a new symlink renamed over ..data.
    symlinkSync(folder, path.join(dir, "..data_tmp"));
    renameSync(path.join(dir, "..data_tmp"), path.join(dir, "..data"));
  };
  publish(files);
  for (const name of Object.keys(files)) symlinkSync(path.join("..data", name), path.join(dir, name));
  return { dir, swap: publish };
}

function recorder() {
  const runs: (SetFiles | { error: unknown })[] = [];
  const plan = async (_set: EntrySetConfig, files: SetFiles | { error: unknown }) => {
    runs.push(files);
  };
  const texts = () => runs.map((r) => ("files" in r ? r.files.map((f) => `${f.name}=${f.text}`).join(",") : "error"));
  return { runs, plan, texts };
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const set = (p: string): EntrySetConfig => ({ name: "a", server: "foo", path: p, interval: 60, autoApply: false });

describe("watchSet", () => {
  it("reads a ConfigMap mount's keys (not its hidden folders) and sees a symlink swap within a second", async () => {
    const mount = configMapMount({ "entries.yaml": "v1" });
    const r = recorder();
    watches.push(watchSet(set(mount.dir), "k", r.plan));
    await until(() => r.runs.length === 1, 2000);
    expect(r.texts()).toEqual(["entries.yaml=v1"]);
    mount.swap({ "entries.yaml": "v2" });
    // The poll of a 60 s set runs every 10 s: a run within 1.5 s came from the file watch.
    await until(() => r.runs.length === 2, 1500);
    expect(r.texts()).toEqual(["entries.yaml=v1", "entries.yaml=v2"]);
  });

  it("follows a git-sync style link swap of the set's own path, and reports a path that is gone", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "entry-set-git-"));
    dirs.push(root);
    const checkout = (rev: string, text: string) => {
      mkdirSync(path.join(root, rev, "team-a"), { recursive: true });
      mkdirSync(path.join(root, rev, ".git"), { recursive: true });
      writeFileSync(path.join(root, rev, ".git", "config.json"), "{}");
      writeFileSync(path.join(root, rev, "team-a", "entries.yaml"), text);
      symlinkSync(rev, path.join(root, "link_tmp"));
      renameSync(path.join(root, "link_tmp"), path.join(root, "link"));
    };
    checkout("rev1", "one");
    const r = recorder();
    watches.push(watchSet(set(path.join(root, "link")), "k", r.plan));
    await until(() => r.runs.length === 1, 2000);
    expect(r.texts()).toEqual(["team-a/entries.yaml=one"]);
    checkout("rev2", "two");
    await until(() => r.runs.length === 2, 1500);
    expect(r.texts()[1]).toBe("team-a/entries.yaml=two");
    unlinkSync(path.join(root, "link"));
    await until(() => r.runs.length === 3, 1500);
    expect(r.texts()[2]).toBe("error");
  });
});
