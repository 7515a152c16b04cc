import { parse as parseYaml, stringify } from "yaml";
import type { z } from "zod";

import {
  looksLikeClusterStaticEntries,
  readClusterStaticEntries,
  writeClusterStaticEntries,
} from "./cluster-static-entry-format";
import { entrySetSchema } from "./entry-set-schema";
import { looksLikeSpireData, readSpireData, writeSpireData } from "./spire-data-format";
import {
  ENTRY_SET_API_VERSION,
  ENTRY_SET_KIND,
  type EntrySetDocument,
  type EntrySetFormat,
  type ParsedEntrySet,
} from "./types";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function issuesOf(error: z.ZodError, prefix = "") {
  return error.issues.map((i) => ({ path: prefix + i.path.map(String).join("."), message: i.message }));
}

function fail(format: EntrySetFormat | null, message: string, details: { path: string; message: string }[] = []) {
  return { ok: false as const, format, message, details };
}

/** Wraps entries read from another format in an EntrySet (no server, no owned scope, no prune) and validates it. */
function asDocument(format: EntrySetFormat, entries: unknown[], name: string): ParsedEntrySet {
  const candidate = {
    apiVersion: ENTRY_SET_API_VERSION,
    kind: ENTRY_SET_KIND,
    metadata: { name },
    spec: { owns: {}, prune: false, entries },
  };
  const result = entrySetSchema.safeParse(candidate);
  if (!result.success) {
    const details = issuesOf(result.error).map((d) => ({ ...d, path: d.path.replace(/^spec\./, "") }));
    return fail(format, `Invalid entry: ${details[0]?.path}: ${details[0]?.message}`, details);
  }
  return { ok: true, format, document: result.data as EntrySetDocument, warnings: [] };
}

function fromConsole(value: unknown): ParsedEntrySet {
  const result = entrySetSchema.safeParse(value);
  if (!result.success) {
    const details = issuesOf(result.error);
    return fail("console", `Invalid EntrySet: ${details[0]?.path || "(document)"}: ${details[0]?.message}`, details);
  }
  const document = result.data as EntrySetDocument;
  return { ok: true, format: "console", document, warnings: [] };
}

/**
 * Reads an entries-as-code file in any of the three formats, detected from its content: the
 * console's EntrySet (YAML or JSON), `spire-server -data` JSON, or ClusterStaticEntry YAML
 * (multi-document). Other formats come back as an EntrySet without a scope. Pure.
 */
export function parseEntrySet(text: string): ParsedEntrySet {
  const trimmed = text.trim();
  if (trimmed === "") return fail(null, "The file is empty.");
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      return fail(null, `The file is not valid JSON: ${(error as Error).message}`);
    }
    if (isObject(json) && json.kind === ENTRY_SET_KIND) return fromConsole(json);
    if (looksLikeSpireData(json)) {
      const read = readSpireData(trimmed);
      if ("error" in read) return fail("spire-data", read.error);
      return asDocument("spire-data", read.entries, "spire-data");
    }
    return fail(
      null,
      `Expected an EntrySet (kind: ${ENTRY_SET_KIND}) or spire-server -data JSON ({ "entries": [...] }).`,
    );
  }
  if (looksLikeClusterStaticEntries(trimmed)) {
    const read = readClusterStaticEntries(trimmed);
    if (read.problems.length) {
      const first = read.problems[0]!;
      return fail("cluster-static-entry", `${first.path}: ${first.message}`, read.problems);
    }
    return asDocument("cluster-static-entry", read.entries, "cluster-static-entries");
  }
  let value: unknown;
  try {
    value = parseYaml(trimmed);
  } catch (error) {
    return fail(null, `The file is not valid YAML: ${(error as Error).message}`);
  }
  if (!isObject(value) || value.kind !== ENTRY_SET_KIND) {
    return fail(null, `Expected an EntrySet (kind: ${ENTRY_SET_KIND}), ClusterStaticEntry YAML or -data JSON.`);
  }
  return fromConsole(value);
}

/** Writes a document in `format` (spire-data and ClusterStaticEntry carry only the entries). Pure. */
export function serializeEntrySet(document: EntrySetDocument, format: EntrySetFormat, as: "yaml" | "json" = "yaml") {
  if (format === "spire-data") return writeSpireData(document.spec.entries);
  if (format === "cluster-static-entry") return writeClusterStaticEntries(document.spec.entries);
  return as === "json" ? `${JSON.stringify(document, null, 2)}\n` : stringify(document, { lineWidth: 0 });
}
