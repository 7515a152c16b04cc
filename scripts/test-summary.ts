// Prints one closing line, "tests: N passed, N failed", from vitest's JSON report.
import { readFileSync } from "node:fs";

type Report = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };

const file = process.argv[2] ?? "test-results/vitest.json";
const report = JSON.parse(readFileSync(file, "utf8")) as Report;
const skipped = report.numPendingTests + report.numTodoTests;
console.log(
  `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`,
);
