import { parseEntryImport, toSpireDataEntry } from "@/lib/entries/import-export";

import type { DeclaredEntry } from "./types";

// `spire-server entry create -data` / `entry show -output json`-style JSON: { "entries": [ { "spiffe_id": ... } ] }.
// The field mapping is lib/entries/import-export.ts's; this adds the entry ID, which the
// one-shot import leaves out but a file that owns entries needs.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** True when the JSON looks like `-data` (snake_case entry keys). */
export function looksLikeSpireData(json: unknown): boolean {
  const rows = isObject(json) && Array.isArray(json.entries) ? json.entries : Array.isArray(json) ? json : [];
  return rows.some(
    (r) => isObject(r) && Object.keys(r).some((k) => ["spiffe_id", "parent_id"].includes(k.toLowerCase())),
  );
}

/** The entries of a `-data` file (not validated beyond the format), or why it cannot be read. */
export function readSpireData(text: string): { entries: Record<string, unknown>[] } | { error: string } {
  const parsed = parseEntryImport(text);
  if ("error" in parsed) return parsed;
  const json = JSON.parse(text) as unknown;
  const raw = (isObject(json) && Array.isArray(json.entries) ? json.entries : [json].flat()) as unknown[];
  const problems = parsed.rows.flatMap((row) => row.problems.map((p) => `entries[${row.index}]: ${p}`));
  if (problems.length) return { error: problems.join("; ") };
  return {
    entries: parsed.rows.map((row) => {
      const source = raw[row.index];
      const idKey = isObject(source) ? Object.keys(source).find((k) => k.toLowerCase() === "entry_id") : undefined;
      const id = idKey && isObject(source) ? source[idKey] : undefined;
      return typeof id === "string" && id !== "" ? { id, ...row.input } : row.input;
    }),
  };
}

/** Entries as `-data` JSON, entry IDs included (`spire-server entry create -data` creates them with those IDs). */
export function writeSpireData(entries: DeclaredEntry[]): string {
  const rows = entries.map((entry) => ({ ...(entry.id ? { entry_id: entry.id } : {}), ...toSpireDataEntry(entry) }));
  return `${JSON.stringify({ entries: rows }, null, 2)}\n`;
}
