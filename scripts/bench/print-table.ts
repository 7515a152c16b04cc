// The bench's one table: measure, result and target, in padded columns.

/** One row of the printed table and of bench-results.json. */
export type Row = { measure: string; result: string; target: string; value: Record<string, number> };

export function printTable(rows: Row[]): void {
  const widths = [0, 1, 2].map((k) => Math.max(...rows.map((r) => [r.measure, r.result, r.target][k]!.length)));
  const cell = (r: Row) => [r.measure, r.result, r.target].map((t, k) => t.padEnd(widths[k]!)).join(" | ");
  console.log("");
  for (const row of [{ measure: "measure", result: "result", target: "target", value: {} }, ...rows])
    console.log(cell(row));
}
