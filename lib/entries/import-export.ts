import type { EntryInput } from "@/lib/schemas/entry-input";
import type { Entry } from "@/lib/spire/types";

export type ImportFormat = "console" | "spire-data";

/** One row of an import file: the entry in the console's input shape, or why it could not be read. */
export type ImportRow = { index: number; input: Record<string, unknown>; problems: string[] };

export type ParsedImport = { format: ImportFormat; rows: ImportRow[] } | { error: string };

/** Server-set fields of the console's read shape: dropped on import, they cannot be set. */
const serverSet = new Set(["id", "createdAt", "revisionNumber"]);

/** `spire-server entry create -data` keys (common.RegistrationEntry JSON) → console input keys. */
const spireKeys: Record<string, keyof EntryInput | null> = {
  spiffe_id: "spiffeId",
  parent_id: "parentId",
  selectors: "selectors",
  x509_svid_ttl: "x509SvidTtl",
  jwt_svid_ttl: "jwtSvidTtl",
  federates_with: "federatesWith",
  dns_names: "dnsNames",
  admin: "admin",
  downstream: "downstream",
  hint: "hint",
  store_svid: "storeSvid",
  entryexpiry: "expiresAt",
  additional_attributes: "additionalAttributes",
  // Server-set or not representable in the console: ignored (entry_id would force an ID).
  entry_id: null,
  revision_number: null,
  created_at: null,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function looksLikeSpireData(rows: unknown[]): boolean {
  return rows.some(
    (r) =>
      isObject(r) &&
      Object.keys(r).some((k) => ["spiffe_id", "parent_id", "x509_svid_ttl", "entryexpiry"].includes(k.toLowerCase())),
  );
}

/** One `-data` row → console input. Go's encoding/json matches keys case-insensitively, so do we. */
function fromSpireRow(row: Record<string, unknown>, index: number): ImportRow {
  const input: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    const lower = key.toLowerCase();
    if (!(lower in spireKeys)) {
      problems.push(`Unknown field '${key}'`);
      continue;
    }
    const target = spireKeys[lower];
    if (!target) continue;
    if (target === "expiresAt") {
      if (value === 0 || value === null) continue;
      if (typeof value !== "number" || !Number.isInteger(value)) problems.push("entryExpiry must be epoch seconds");
      else input.expiresAt = new Date(value * 1000).toISOString();
    } else if (target === "additionalAttributes") {
      const attributes = fromSpireAttributes(value);
      if (typeof attributes === "string") problems.push(attributes);
      else input.additionalAttributes = attributes;
    } else if (target === "federatesWith" && Array.isArray(value)) {
      // -data names trust domains as spiffe://td (SPIRE accepts both); the console uses the name.
      input.federatesWith = value.map((td) =>
        typeof td === "string" && td.startsWith("spiffe://") ? td.slice(9) : td,
      );
    } else {
      input[target] = value;
    }
  }
  return { index, input, problems };
}

/** `additional_attributes` of `-data` (snake_case, matched case-insensitively) → console flags, or a problem. */
function fromSpireAttributes(value: unknown): Record<string, unknown> | string {
  if (!isObject(value)) return "additional_attributes must be an object";
  const out: Record<string, unknown> = {};
  for (const [key, flag] of Object.entries(value)) {
    const lower = key.toLowerCase();
    if (lower === "disable_x509_svid_prefetch") out.disableX509SvidPrefetch = flag;
    else if (lower === "jwt_svid_include_jti") out.jwtSvidIncludeJti = flag;
    else return `Unknown field 'additional_attributes.${key}'`;
  }
  return out;
}

function fromConsoleRow(row: Record<string, unknown>, index: number): ImportRow {
  const input = Object.fromEntries(Object.entries(row).filter(([k]) => !serverSet.has(k)));
  // The read shape has empty defaults; drop them so a re-imported export validates cleanly.
  if (input.expiresAt === null) delete input.expiresAt;
  return { index, input, problems: [] };
}

/**
 * Reads an import file: the console's shape (`{ entries: [...] }`, a bare array, or one entry,
 * also as exported entries with server-set fields, which are dropped), or the
 * `spire-server entry create -data` shape (`{ "entries": [{ "spiffe_id": ..., ... }] }`).
 * Rows are not validated here beyond the format; validate them with `entryInputSchema`.
 */
export function parseEntryImport(text: string): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `The file is not valid JSON: ${(error as Error).message}` };
  }
  let rows: unknown[];
  if (Array.isArray(json)) rows = json;
  else if (isObject(json) && Array.isArray(json.entries)) rows = json.entries;
  else if (isObject(json) && ("spiffeId" in json || "spiffe_id" in json)) rows = [json];
  else return { error: 'Expected { "entries": [...] }, a list of entries, or one entry.' };
  if (rows.length === 0) return { error: "The file contains no entries." };
  const format: ImportFormat = looksLikeSpireData(rows) ? "spire-data" : "console";
  return {
    format,
    rows: rows.map((row, index) =>
      !isObject(row)
        ? { index, input: {}, problems: ["This row is not an object"] }
        : format === "spire-data"
          ? fromSpireRow(row, index)
          : fromConsoleRow(row, index),
    ),
  };
}

/** One entry in the `-data` shape (common.RegistrationEntry JSON, zero values omitted). */
export function toSpireDataEntry(entry: Entry | EntryInput): Record<string, unknown> {
  const out: Record<string, unknown> = {
    spiffe_id: entry.spiffeId,
    parent_id: entry.parentId,
    selectors: entry.selectors.map(({ type, value }) => ({ type, value })),
  };
  if (entry.x509SvidTtl) out.x509_svid_ttl = entry.x509SvidTtl;
  if (entry.jwtSvidTtl) out.jwt_svid_ttl = entry.jwtSvidTtl;
  if (entry.federatesWith?.length) out.federates_with = entry.federatesWith.map((td) => `spiffe://${td}`);
  if (entry.dnsNames?.length) out.dns_names = [...entry.dnsNames];
  if (entry.admin) out.admin = true;
  if (entry.downstream) out.downstream = true;
  if (entry.storeSvid) out.store_svid = true;
  if (entry.hint) out.hint = entry.hint;
  if (entry.expiresAt) out.entryExpiry = Math.floor(Date.parse(entry.expiresAt) / 1000);
  const attributes = entry.additionalAttributes;
  if (attributes?.disableX509SvidPrefetch || attributes?.jwtSvidIncludeJti) {
    out.additional_attributes = {
      ...(attributes.disableX509SvidPrefetch ? { disable_x509_svid_prefetch: true } : {}),
      ...(attributes.jwtSvidIncludeJti ? { jwt_svid_include_jti: true } : {}),
    };
  }
  return out;
}

/**
 * The export file: `-data` JSON that both `spire-server entry create -data <file>` and the
 * console's import read back. Entry IDs are left out, so a re-import creates new entries.
 */
export function toSpireDataFile(entries: (Entry | EntryInput)[]): string {
  return `${JSON.stringify({ entries: entries.map(toSpireDataEntry) }, null, 2)}\n`;
}
