// Prints one closing line, "tests: N passed, N failed", from vitest's JSON reports (one per vitest run).
import { existsSync, readFileSync } from "node:fs";

type Report = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };

const files = process.argv.length > 2 ? process.argv.slice(2) : ["test-results/vitest.json"];
const missing = files.filter((file) => !existsSync(file));
const reports = files
  .filter((file) => existsSync(file))
  .map((file) => JSON.parse(readFileSync(file, "utf8")) as Report);
const sum = (pick: (report: Report) => number) => reports.reduce((total, report) => total + pick(report), 0);
const skipped = sum((r) => r.numPendingTests) + sum((r) => r.numTodoTests);
console.log(
  `tests: ${sum((r) => r.numPassedTests)} passed, ${sum((r) => r.numFailedTests)} failed` +
    (skipped ? `, ${skipped} skipped` : "") +
    (missing.length ? ` (no report: ${missing.join(", ")})` : ""),
);
