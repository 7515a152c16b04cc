// Progress output of the stack scripts: "[stack] ..." lines and elapsed-time helpers.
import { readFileSync } from "node:fs";

/** Prints one progress line. */
export function say(message: string): void {
  console.log(`[stack] ${message}`);
}

/** Starts a stopwatch; the returned function gives the elapsed time as "1.8s". */
export function stopwatch(): () => string {
  const start = performance.now();
  return () => `${((performance.now() - start) / 1000).toFixed(1)}s`;
}

/** Last `count` lines of a log file, or "" if it cannot be read. */
export function tailFile(file: string, count = 15): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-count).join("\n");
  } catch {
    return "";
  }
}

/** An error whose message is shown to the user as the one-line failure reason. */
export class StackError extends Error {
  readonly details: string;

  constructor(message: string, details = "") {
    super(message);
    this.name = "StackError";
    this.details = details;
  }
}
