import { formatDuration } from "@/lib/format/time";

import { entryFieldLabels } from "./field-labels";

const ttlFields = new Set(["x509SvidTtl", "jwtSvidTtl"]);

const isSelector = (v: unknown): v is { type: string; value: string } =>
  typeof v === "object" && v !== null && "type" in v && "value" in v;

/**
 * One entry field's value as the entry form says it, for History diffs: a TTL of 0 is "server default", others
 * "1h 30m"; no expiry is "never"; switches "on"/"off"; lists joined ("k8s:ns:a, k8s:sa:b") or "none".
 */
export function entryValueText(field: string, value: unknown): string {
  if (value === undefined) return "—";
  if (ttlFields.has(field) && typeof value === "number") return value === 0 ? "server default" : formatDuration(value);
  if (field === "expiresAt") return value === null || value === "" ? "never" : String(value);
  if (typeof value === "boolean") return value ? "on" : "off";
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    return value.map((v) => (isSelector(v) ? `${v.type}:${v.value}` : String(v))).join(", ");
  }
  if (value === null || value === "") return "none";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** An entry field's label as the form shows it ("X.509-SVID TTL"), else the field's name. */
export function entryFieldLabel(field: string): string {
  return entryFieldLabels[field] ?? field;
}
