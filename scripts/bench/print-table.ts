// The bench's one table: measure, result, target and the machine's load when measured, in padded columns.

/** One row of the printed table and of bench-results.json; `load` is the 1-minute load average when it was measured. */
export type Row = { measure: string; result: string; target: string; value: Record<string, number>; load?: number };

export function printTable(rows: Row[]): void {
  const texts = (r: Row) => [r.measure, r.result, r.target, r.load === undefined ? "" : r.load.toFixed(1)];
  const widths = [0, 1, 2, 3].map((k) => Math.max(4, ...rows.map((r) => texts(r)[k]!.length)));
  const cell = (t: string[]) => t.map((text, k) => text.padEnd(widths[k]!)).join(" | ");
  console.log("");
  console.log(cell(["measure", "result", "target", "load"]));
  for (const row of rows) console.log(cell(texts(row)));
}
