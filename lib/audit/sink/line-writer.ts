import "server-only";

import { appendFileSync } from "node:fs";

/** Where the audit sink writes its lines (already formatted, without a newline). */
export type LineWriter = { write(message: string): void; close(): Promise<void> };

/** One JSON line per audit line on the process's standard output. */
export const stdoutWriter = (): LineWriter => ({
  write: (line) => void process.stdout.write(`${line}\n`),
  close: async () => undefined,
});

/** Appends one JSON line per audit line to a file (created 0600), synchronously so lines keep their order. */
export function fileWriter(file: string, onFail: (lines: number, error: unknown) => void): LineWriter {
  return {
    write(line) {
      try {
        appendFileSync(file, `${line}\n`, { mode: 0o600 });
      } catch (error) {
        onFail(1, error);
      }
    },
    close: async () => undefined,
  };
}
