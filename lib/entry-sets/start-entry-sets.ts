import "server-only";

import { loadConfig } from "@/lib/config/load-config";
import { consoleMetrics } from "@/lib/metrics/registry";

import { driftKinds } from "./drift-state";
import { dropEntrySetStatus } from "./entry-set-status";
import { type SetWatch, watchSet } from "./watch-set";

const globalForWatch = globalThis as typeof globalThis & {
  __spireEntrySetWatch?: { supervisor: NodeJS.Timeout; sets: Map<string, SetWatch> };
};

function forgetGauges(set: string, server: string): void {
  const m = consoleMetrics();
  for (const kind of driftKinds) m.entrySetDrift.remove({ set, server, kind });
  m.entrySetUp.remove({ set, server });
  m.entrySetLastRun.remove({ set, server });
}

/** Compares the configured sets with the running watches: starts new ones, restarts changed ones, stops removed ones. */
export function syncEntrySetWatches(sets: Map<string, SetWatch>): void {
  const state = loadConfig();
  const configured = state.status === "ok" ? state.config.entrySets : [];
  const wanted = new Map(configured.map((set) => [set.name, set]));
  for (const [name, running] of sets) {
    const set = wanted.get(name);
    if (set && JSON.stringify(set) === running.key) continue;
    running.stop();
    sets.delete(name);
    if (!set) {
      dropEntrySetStatus(name);
      forgetGauges(name, running.server);
    }
  }
  for (const [name, set] of wanted) {
    if (!sets.has(name)) sets.set(name, watchSet(set, JSON.stringify(set)));
  }
}

/**
 * Starts watching the configured entry sets (once per process) and follows changes of the
 * config file: sets added, changed or removed there are started, restarted or stopped within 5 s.
 * `SPIRE_CONSOLE_ENTRY_SETS=off` leaves them alone (e.g. a replica that must not plan or autoApply);
 * `watch` plans and reports them but never autoApplies (every replica but the one that applies).
 */
export function startEntrySetWatches(): void {
  if (globalForWatch.__spireEntrySetWatch) return;
  if (process.env.SPIRE_CONSOLE_ENTRY_SETS === "off") {
    console.warn("[entry-sets] SPIRE_CONSOLE_ENTRY_SETS=off: this console does not watch the configured entry sets");
    return;
  }
  const sets = new Map<string, SetWatch>();
  const sync = () => {
    try {
      syncEntrySetWatches(sets);
    } catch (error) {
      console.error("[entry-sets] cannot follow the configured entry sets", error);
    }
  };
  sync();
  const supervisor = setInterval(sync, 5_000);
  supervisor.unref();
  globalForWatch.__spireEntrySetWatch = { supervisor, sets };
}
