// Entries as code at scale (issue 23): the plan of an N-entry EntrySet (default 10,000) against the
// bench server's live entries, the apply of its N creates, the console's peak RSS after, and the
// inverse plan's apply (N deletes) so the bench server holds what it held before. Beside them, the
// CLI's `entry create -data` of an equal file under the same parent: what SPIRE itself takes.
import { randomBytes } from "node:crypto";

import { cliCreateThenDelete, type CliEntry } from "./cli-entry-create.ts";
import { peakRss, postJson, timeIt } from "./measure.ts";
import type { Row } from "./print-table.ts";
import { sqliteHasStatistics } from "./sqlite-statistics.ts";

type PlanAnswer = { id: string; summary: { create: number; update: number; delete: number }; summaryLine: string };
type ApplyAnswer = { ok: boolean; summary: { ok: number; failed: number }; inversePlanId: string | null };

/** Entries in the file: 10,000, or a tenth of the live entries on a smaller bench. */
export const codeEntries = (live: number) => Math.min(10_000, Math.max(1, Math.ceil(live / 10)));

/** `n` new workloads of the bench agent, under a prefix and an entry-ID prefix of the run's own. */
function benchCodeEntries(n: number, td: string, agentId: string, run: string) {
  return Array.from({ length: n }, (_, i) => ({
    id: `bench-code-${run}-${i}`,
    spiffeId: `spiffe://${td}/bench-code-${run}/w-${i}`,
    parentId: agentId,
    selectors: [{ type: "bench", value: `code:${run}:${i}` }],
    x509SvidTtl: 3600,
  }));
}

/** The same kind of entries in the CLI's `-data` JSON. */
function cliEntries(n: number, td: string, agentId: string, run: string): CliEntry[] {
  return benchCodeEntries(n, td, agentId, run).map((e) => ({
    entry_id: e.id,
    spiffe_id: e.spiffeId,
    parent_id: e.parentId,
    selectors: e.selectors,
    x509_svid_ttl: e.x509SvidTtl,
  }));
}

/** An EntrySet of `n` new workloads of the bench agent, under a prefix of its own (JSON: the route reads both). */
export function benchEntrySet(n: number, server: string, td: string, agentId: string, run: string): string {
  const prefix = `spiffe://${td}/bench-code-${run}`;
  const entries = benchCodeEntries(n, td, agentId, run);
  return JSON.stringify({
    apiVersion: "spire-console/v1",
    kind: "EntrySet",
    metadata: { name: `bench-code-${run}` },
    spec: { server, owns: { entryIdPrefix: `bench-code-${run}-`, spiffeIdPrefixes: [`${prefix}/`] }, entries },
  });
}

/** Where the bench measures: the console's API, and the SPIRE server behind it for the CLI. */
export type EntriesAsCodeBench = {
  api: string;
  token: string;
  td: string;
  agentId: string;
  live: number;
  consolePid: number;
  spireServer: string;
  socketPath: string;
  workDir: string;
  /** SPIRE's SQLite file, or null when it keeps its entries in PostgreSQL. */
  sqliteFile: string | null;
};

/** What SPIRE keeps its entries in, as the rows say it: a create's cost depends on it. */
function datastoreLabel(sqliteFile: string | null, statistics: boolean): string {
  if (!sqliteFile) return "PostgreSQL";
  return statistics
    ? "SQLite with planner statistics (ANALYZE run)"
    : "SQLite as SPIRE leaves it (no planner statistics)";
}

/** Plans and applies a `codeEntries(live)`-entry file on the bench server, then undoes it; the table rows. */
export async function measureEntriesAsCode(bench: EntriesAsCodeBench): Promise<Row[]> {
  const { api, token, td, agentId, live, consolePid } = bench;
  const statistics = bench.sqliteFile !== null && sqliteHasStatistics(bench.sqliteFile);
  const datastore = datastoreLabel(bench.sqliteFile, statistics);
  const n = codeEntries(live);
  const run = randomBytes(4).toString("hex");
  const text = benchEntrySet(n, decodeURIComponent(api.split("/").pop()!), td, agentId, run);
  let plan: PlanAnswer | undefined;
  const planMs = await timeIt(async () => {
    plan = (await postJson(`${api}/plans`, token, { text })) as PlanAnswer;
  });
  if (plan?.summary.create !== n) throw new Error(`the plan of ${n} new entries says ${plan?.summaryLine}`);
  let applied: ApplyAnswer | undefined;
  const applyMs = await timeIt(async () => {
    applied = (await postJson(`${api}/plans/${plan!.id}/apply`, token, {})) as ApplyAnswer;
  });
  const rss = peakRss(consolePid);
  if (!applied?.ok) throw new Error(`the apply of ${n} creates failed: ${JSON.stringify(applied?.summary)}`);
  let undoMs = Number.NaN;
  if (applied.inversePlanId) {
    undoMs = await timeIt(() =>
      postJson(`${api}/plans/${applied!.inversePlanId}/apply`, token, { allowMassDelete: true }),
    );
  }
  const cli = await cliCreateThenDelete(
    bench.spireServer,
    bench.socketPath,
    cliEntries(n, td, agentId, randomBytes(4).toString("hex")),
    bench.workDir,
  );
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const vsCli = (applyMs / cli.createMs).toFixed(2);
  const files = `${n.toLocaleString("en")}-entry file`;
  return [
    {
      measure: "SPIRE's datastore during the entries-as-code rows",
      result: datastore,
      target: "",
      value: { sqliteStatistics: statistics ? 1 : 0 },
    },
    {
      measure: `plan of a ${files} against ${live.toLocaleString("en")} live entries`,
      result: fmt(planMs),
      target: n === 10_000 && live >= 100_000 ? "<= 5 s" : "(10,000 vs 100,000: <= 5 s)",
      value: { ms: planMs, entries: n, live },
    },
    {
      measure: `apply of its ${n.toLocaleString("en")} creates (one plan, a result per row)`,
      result: `${fmt(applyMs)} (${applied.summary.ok} ok, ${applied.summary.failed} failed; ${vsCli}x CLI)`,
      target: n === 10_000 ? "<= 60 s" : "(10,000: <= 60 s)",
      value: { ms: applyMs, ok: applied.summary.ok, failed: applied.summary.failed },
    },
    {
      measure: "console peak RSS after plan and apply (VmHWM)",
      result: `${rss.mib.toFixed(0)} MiB`,
      target: "",
      value: { mib: rss.mib },
    },
    {
      measure: `apply of the inverse plan (${n.toLocaleString("en")} deletes, mass-delete override)`,
      result: Number.isNaN(undoMs) ? "no inverse plan" : fmt(undoMs),
      target: "",
      value: { ms: undoMs },
    },
    {
      measure: `\`spire-server entry create -data\` of an equal ${files}, same parent`,
      result: `${fmt(cli.createMs)} (${cli.created} created)`,
      target: "",
      value: { ms: cli.createMs, created: cli.created },
    },
    {
      measure: `\`spire-server entry delete -file\` of those ${n.toLocaleString("en")}`,
      result: fmt(cli.deleteMs),
      target: "",
      value: { ms: cli.deleteMs },
    },
  ];
}
