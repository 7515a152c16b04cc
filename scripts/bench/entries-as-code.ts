// Entries as code at scale (issue 23): the plan of an N-entry EntrySet (default 10,000) against the
// bench server's live entries, the apply of its N creates, the console's peak RSS after, and the
// inverse plan's apply (N deletes) so the bench server holds what it held before.
import { randomBytes } from "node:crypto";

import { peakRss, postJson, timeIt } from "./measure.ts";
import type { Row } from "./print-table.ts";

type PlanAnswer = { id: string; summary: { create: number; update: number; delete: number }; summaryLine: string };
type ApplyAnswer = { ok: boolean; summary: { ok: number; failed: number }; inversePlanId: string | null };

/** Entries in the file: 10,000, or a tenth of the live entries on a smaller bench. */
export const codeEntries = (live: number) => Math.min(10_000, Math.max(1, Math.ceil(live / 10)));

/** An EntrySet of `n` new workloads of the bench agent, under a prefix of its own (JSON: the route reads both). */
export function benchEntrySet(n: number, server: string, td: string, agentId: string, run: string): string {
  const prefix = `spiffe://${td}/bench-code-${run}`;
  const entries = Array.from({ length: n }, (_, i) => ({
    id: `bench-code-${run}-${i}`,
    spiffeId: `${prefix}/w-${i}`,
    parentId: agentId,
    selectors: [{ type: "bench", value: `code:${run}:${i}` }],
    x509SvidTtl: 3600,
  }));
  return JSON.stringify({
    apiVersion: "spire-console/v1",
    kind: "EntrySet",
    metadata: { name: `bench-code-${run}` },
    spec: { server, owns: { entryIdPrefix: `bench-code-${run}-`, spiffeIdPrefixes: [`${prefix}/`] }, entries },
  });
}

/** Plans and applies a `codeEntries(live)`-entry file on the bench server, then undoes it; the table rows. */
export async function measureEntriesAsCode(
  api: string,
  token: string,
  td: string,
  agentId: string,
  live: number,
  consolePid: number,
): Promise<Row[]> {
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
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const files = `${n.toLocaleString("en")}-entry file`;
  return [
    {
      measure: `plan of a ${files} against ${live.toLocaleString("en")} live entries`,
      result: fmt(planMs),
      target: n === 10_000 && live >= 100_000 ? "<= 5 s" : "(10,000 vs 100,000: <= 5 s)",
      value: { ms: planMs, entries: n, live },
    },
    {
      measure: `apply of its ${n.toLocaleString("en")} creates (one plan, a result per row)`,
      result: `${fmt(applyMs)} (${applied.summary.ok} ok, ${applied.summary.failed} failed)`,
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
  ];
}
