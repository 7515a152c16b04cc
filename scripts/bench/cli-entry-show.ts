// Runs `spire-server entry show -output json` to the end and counts the entries as the output
// streams by: at a million entries the JSON is larger than the longest string Node can hold.
import { spawn } from "node:child_process";

import { withSocket } from "../stack/spire-cli.ts";

/** Every entry in the CLI's JSON has exactly one `parent_id` key (nothing nested has one). */
const ENTRY_KEY = '"parent_id":';

/** Counts `needle` in a stream of chunks, including occurrences split across two chunks. */
export function occurrenceCounter(needle: string): { feed: (chunk: string) => void; count: () => number } {
  let carry = "";
  let found = 0;
  return {
    feed(chunk) {
      const text = carry + chunk;
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found += 1;
      // Keep what could be the start of a split needle (never a whole one: those were counted).
      carry = text.slice(Math.max(0, text.length - needle.length + 1));
    },
    count: () => found,
  };
}

/** Runs the CLI's full entry listing; resolves with the number of entries it printed. */
export function cliEntryShow(spireServer: string, socketPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(spireServer, withSocket(socketPath, ["entry", "show", "-output", "json"]), {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const counter = occurrenceCounter(ENTRY_KEY);
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", counter.feed);
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr = (stderr + d).slice(-2000)));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(counter.count()) : reject(new Error(`spire-server entry show exited ${code}: ${stderr}`)),
    );
  });
}
