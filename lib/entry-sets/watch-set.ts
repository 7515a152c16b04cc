import "server-only";

import { type FSWatcher, watch } from "node:fs";
import path from "node:path";

import type { EntrySetConfig } from "@/lib/config/entry-sets-schema";

import { readSetFiles, type SetFiles } from "./read-set-files";
import { runEntrySet } from "./run-entry-set";

/** A running watch of one set; `stop` ends its timers and file watches. */
export type SetWatch = { key: string; server: string; stop: () => void };

/** How often the files are compared even when no file event came (NFS, some overlay mounts send none). */
const pollSeconds = (interval: number) => Math.max(2, Math.min(10, interval));
const debounceMs = 250;

/**
 * Watches one set: plans it at once, every `interval` seconds, and whenever its files change. A
 * change is seen through fs.watch on the path and on its parent directory (a ConfigMap mount and
 * git-sync replace content by swapping a symlink, which a watch on the old target never reports;
 * the watches are re-armed after every event) and, as a fallback, by comparing the files'
 * fingerprint every few seconds. Runs never overlap: a change during a run plans again after it.
 * `plan` is what a run does with the files (the drift plan; tests pass their own).
 */
export function watchSet(
  set: EntrySetConfig,
  key: string,
  plan: (set: EntrySetConfig, files: SetFiles | { error: unknown }) => Promise<unknown> = runEntrySet,
): SetWatch {
  let stopped = false;
  let running = false;
  let again = false;
  let fingerprint: string | null = null;
  let watchers: FSWatcher[] = [];
  let debounce: NodeJS.Timeout | undefined;

  const read = async (): Promise<SetFiles | { error: unknown }> => readSetFiles(set.path).catch((error) => ({ error }));

  const run = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const files = await read();
      fingerprint = "fingerprint" in files ? files.fingerprint : null;
      await plan(set, files);
    } catch (error) {
      console.error(`[entry-sets] run of ${set.name} failed`, error);
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        void run();
      }
    }
  };

  const runIfChanged = async () => {
    const files = await read();
    const now = "fingerprint" in files ? files.fingerprint : null;
    if (now !== fingerprint) void run();
  };

  const arm = () => {
    for (const w of watchers) w.close();
    watchers = [];
    for (const target of [set.path, path.dirname(set.path)]) {
      try {
        const watcher = watch(target, { persistent: false }, onEvent);
        watcher.on("error", () => watcher.close());
        watchers.push(watcher);
      } catch {
        // The path may not exist yet; the poll sees it appear.
      }
    }
  };

  function onEvent() {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      arm();
      void runIfChanged();
    }, debounceMs);
    debounce.unref();
  }

  arm();
  void run();
  const tick = setInterval(() => void run(), set.interval * 1000);
  tick.unref();
  const poll = setInterval(() => void runIfChanged(), pollSeconds(set.interval) * 1000);
  poll.unref();
  return {
    key,
    server: set.server,
    stop: () => {
      stopped = true;
      clearInterval(tick);
      clearInterval(poll);
      clearTimeout(debounce);
      for (const w of watchers) w.close();
    },
  };
}
