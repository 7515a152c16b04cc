// Heap the clean-up report takes over a generated compact index (default 100,000 entries plus 5%
// stale ones), without SPIRE or the console: the former way (every entry built, then `findStale`)
// against `findStaleInIndex`. Prints the heap right after each report (garbage included) and what
// stays reachable after a forced GC while the request still holds its results; checks they agree.
// Run (N entries, optional):
//   node --expose-gc --conditions=react-server --import ./scripts/lib/resolve-lib.mjs scripts/bench/cleanup-memory.ts N
import { findStaleInIndex } from "@/lib/cleanup/find-stale-in-index";
import type { StaleOptions } from "@/lib/cleanup/stale-report";
import { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { entriesWhere } from "@/lib/entries/compact/read-entries";
import { controllerManagedReasons } from "@/lib/entries/controller-managed";

import { findStale } from "../../test/support/reference-cleanup.ts";
import { generateStaleEntries } from "../../test/support/stale-entries.ts";

const count = Number(process.argv[2] ?? 100_000);
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const now = Date.UTC(2030, 6, 1);

const generated = generateStaleEntries(1, count);
const index = new CompactEntryIndex(generated.trustDomain, now, generated.entries.length + 64);
for (let i = 0; i < generated.entries.length; i += 5000) index.addEntries(generated.entries.slice(i, i + 5000));
index.setAgents(generated.agents, now);
index.seal();
index.derived();
generated.entries.length = 0;
const options: StaleOptions = {
  server: "s",
  trustDomain: index.trustDomain,
  now,
  agentExpiredDays: 30,
  ownership: controllerManagedReasons,
};

/** Heap growth of one report: right after it (garbage included) and kept once collected. */
function measure<T>(name: string, run: () => T): T {
  gc!();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const kept = run();
  const ms = performance.now() - started;
  const right = process.memoryUsage().heapUsed - before;
  gc!();
  const held = process.memoryUsage().heapUsed - before;
  console.log(`${name}: ${ms.toFixed(0)} ms, heap +${mib(right)} right after, +${mib(held)} kept after GC`);
  return kept;
}

console.log(`${index.size} entries indexed`);
const former = measure("every entry built + findStale", () => {
  const entries = entriesWhere(index, () => true);
  return { entries, report: findStale({ ...options, entries, agents: index.agents }) };
});
const inPlace = measure("findStaleInIndex", () => ({ report: findStaleInIndex(index, options) }));
const same = JSON.stringify(former.report) === JSON.stringify(inPlace.report);
console.log(`${inPlace.report.findings.length} findings, same report: ${same}`);
if (!same) process.exitCode = 1;
