// The bench's result table: one row per measure, with its target and the machine's load when it was taken.
import { totalmem } from "node:os";

import type { Overhead } from "./audit-overhead.ts";
import type { CreateVisible } from "./create-visible.ts";
import type { Row } from "./print-table.ts";
import { agentChildren } from "./seed.ts";

type Spread = { median: number; p95: number };

/** Everything the bench measured, as run.ts took it. */
export type Measured = {
  /** Entries seeded. */
  count: number;
  cliCount: number;
  walked: number;
  walkedIn: string;
  cold: number;
  walkMs: number | null;
  again: number;
  cli: number;
  walk: number;
  /** The limit of the memory cgroup the console ran in (--memory-limit), or null: none. */
  memoryLimitMib: number | null;
  idleRss: { mib: number };
  builtRss: { mib: number };
  rss: { mib: number };
  latency: Record<
    | "firstPage"
    | "filteredPage"
    | "idPartPage"
    | "treeRoot"
    | "agentChildren"
    | "aliasChildren"
    | "levelSearch"
    | "search"
    | "searchSelector",
    Spread
  >;
  created: CreateVisible;
  paint: Spread & { first: number; samples: number[] };
  asCode: Row[];
  audit: { sqlite: Overhead; postgres: Overhead } | null;
  /** The 1-minute load average at each stage: start, cold, walks, latency, created, paint. */
  loads: Record<string, number>;
};

const machineMib = () => Math.round(totalmem() / 1024 / 1024);
export const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const spread = (o: Spread) => `${fmt(o.median)} / p95 ${fmt(o.p95)}`;
const auditLine = (o: { median: number; p99: number }) => `${o.median.toFixed(2)} ms / p99 ${o.p99.toFixed(2)} ms`;

/** The rows of the bench's table, each with the load average of the stage it was measured in. */
export function resultRows(m: Measured): Row[] {
  const { count, cliCount, walked, walkedIn, cold, walkMs, again, cli, walk, idleRss, builtRss, rss } = m;
  const { latency, created, paint, asCode, audit, loads, memoryLimitMib } = m;
  const rows: Row[] = [
    {
      measure: "entries in SPIRE (CLI) / walked by the console",
      result: `${cliCount} / ${walked}`,
      target: "equal",
      value: { cliCount, walked },
    },
    {
      measure: "where the walk ran (SPIRE_CONSOLE_INDEX_WORKER)",
      result: walkedIn,
      target: "",
      value: { worker: walkedIn === "worker thread" ? 1 : 0 },
    },
    {
      measure: "cold index build (first tree request)",
      result: fmt(cold),
      target: "",
      value: { ms: cold, walkMs: walkMs ?? -1 },
    },
    {
      measure: "index walk again (refresh, SPIRE warm)",
      result: `${fmt(again)} (${(again / cli).toFixed(2)}x CLI)`,
      target: "",
      value: { ms: again, ratio: again / cli },
    },
    { measure: "`spire-server entry show -output json`", result: fmt(cli), target: "", value: { ms: cli } },
    {
      measure: "cold index build / CLI",
      result: `${(cold / cli).toFixed(2)}x`,
      target: "<= 1.0x (1M: 0.8x)",
      value: { ratio: cold / cli },
    },
    {
      measure: "full walk through the console API (pages of 1000)",
      result: `${fmt(walk)} (${(walk / cli).toFixed(2)}x CLI)`,
      target: "",
      value: { ms: walk },
    },
    {
      measure: "console's memory limit (its cgroup; Node sizes its heap from it)",
      result: memoryLimitMib === null ? `none (the machine's ${machineMib()} MiB)` : `${memoryLimitMib} MiB`,
      target: "",
      value: memoryLimitMib === null ? {} : { mib: memoryLimitMib },
    },
    {
      measure: "console RSS before the first walk (peak so far)",
      result: `${idleRss.mib.toFixed(0)} MiB`,
      target: "",
      value: { mib: idleRss.mib },
    },
    {
      measure: "console peak RSS after the cold index build",
      result: `${builtRss.mib.toFixed(0)} MiB`,
      target: "",
      value: { mib: builtRss.mib },
    },
    {
      measure: "console peak RSS (VmHWM, whole run)",
      result: `${rss.mib.toFixed(0)} MiB`,
      target: "<= 300 MiB (1M: 900 MiB)",
      value: { mib: rss.mib },
    },
    {
      measure: "tree root",
      result: spread(latency.treeRoot),
      target: "p95 <= 50 ms (1M: 150)",
      value: latency.treeRoot,
    },
    {
      measure: `the bench agent's children (${agentChildren(count)}), first page of 200`,
      result: spread(latency.agentChildren),
      target: "p95 <= 50 ms (1M: 150)",
      value: latency.agentChildren,
    },
    {
      measure: "search within that level (q=w-4244)",
      result: spread(latency.levelSearch),
      target: "",
      value: latency.levelSearch,
    },
    {
      measure: "one node alias's children (/node/group-7), first page",
      result: spread(latency.aliasChildren),
      target: "",
      value: latency.aliasChildren,
    },
    {
      measure: "search (SPIFFE ID part)",
      result: spread(latency.search),
      target: "p95 <= 20 ms (1M: 60)",
      value: latency.search,
    },
    {
      measure: "search (selector value part)",
      result: spread(latency.searchSelector),
      target: "p95 <= 20 ms (1M: 60)",
      value: latency.searchSelector,
    },
    {
      measure: "first page of the entry list (200)",
      result: spread(latency.firstPage),
      target: "",
      value: latency.firstPage,
    },
    {
      measure: "first filtered page (selector, SPIRE)",
      result: spread(latency.filteredPage),
      target: "",
      value: latency.filteredPage,
    },
    {
      measure: "first filtered page (ID part, index)",
      result: spread(latency.idPartPage),
      target: "",
      value: latency.idPartPage,
    },
    {
      measure: "create -> visible in the tree",
      result: `${spread(created)} (${created.maxPolls} request(s) at most)`,
      target: "p95 <= 100 ms (1M: 150)",
      value: created,
    },
    {
      measure: "  of which SPIRE's BatchCreateEntry (console's metric)",
      result: spread(created.spire),
      target: "",
      value: created.spire,
    },
    {
      measure: "  of which the console's own (the rest)",
      result: spread(created.console),
      target: "",
      value: created.console,
    },
    {
      measure: "`/entries` first contentful paint (Chromium, 20 loads)",
      result: `${spread(paint)} (the first, in a fresh Chromium: ${fmt(paint.first)})`,
      target: "p95 <= 800 ms (1M: 1.0 s)",
      value: paint,
    },
    ...asCode,
    ...(audit
      ? [
          {
            measure: "audit write per mutation, SQLite",
            result: auditLine(audit.sqlite),
            target: "",
            value: audit.sqlite,
          },
          {
            measure: "audit write per mutation, PostgreSQL",
            result: auditLine(audit.postgres),
            target: "",
            value: audit.postgres,
          },
        ]
      : []),
  ];
  // Each row with the load when it was measured (the first rows: the cold build; latencies: after them).
  const loadOf: Record<string, number> = {
    "cold index build (first tree request)": loads.cold!,
    "cold index build / CLI": loads.walks!,
    "console RSS before the first walk (peak so far)": loads.start!,
    "console's memory limit (its cgroup; Node sizes its heap from it)": loads.start!,
    "console peak RSS after the cold index build": loads.cold!,
    "console peak RSS (VmHWM, whole run)": loads.paint!,
    "create -> visible in the tree": loads.created!,
    "  of which SPIRE's BatchCreateEntry (console's metric)": loads.created!,
    "  of which the console's own (the rest)": loads.created!,
    "`/entries` first contentful paint (Chromium, 20 loads)": loads.paint!,
  };
  for (const row of rows)
    row.load ??= loadOf[row.measure] ?? (row.measure.includes("walk") ? loads.walks : loads.latency);
  return rows;
}
