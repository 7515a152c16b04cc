import { entryFields, type EntryInput, type EntryInputContext, entryInputSchema } from "@/lib/schemas/entry-input";
import { parseSelector } from "@/lib/schemas/selector";
import { serverSpiffeId } from "@/lib/schemas/spiffe-id";
import type { Entry } from "@/lib/spire/types";

export const ttlUnits = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
export type TtlUnit = keyof typeof ttlUnits;
export type TtlValue = { amount: string; unit: TtlUnit };

/** What the entry form edits; turned into an EntryInput by `toEntryInput`. */
export type EntryFormValues = {
  path: string;
  parentId: string;
  node: boolean;
  /** One `type:value` text per row; empty rows are ignored. */
  selectors: string[];
  x509Ttl: TtlValue;
  jwtTtl: TtlValue;
  dnsNames: string;
  federatesWith: string[];
  admin: boolean;
  downstream: boolean;
  storeSvid: boolean;
  hint: string;
  /** `YYYY-MM-DDTHH:mm` in UTC, or "" for never. */
  expiresAt: string;
  disableX509SvidPrefetch: boolean;
  jwtSvidIncludeJti: boolean;
};

export type Prefill = { parentId?: string; spiffeId?: string; selectors?: string[] };

/** The best unit for a TTL in seconds (0 = server default, shown empty). */
export function toTtlValue(seconds: number): TtlValue {
  if (!seconds) return { amount: "", unit: "h" };
  const unit = (["d", "h", "m"] as const).find((u) => seconds % ttlUnits[u] === 0) ?? "s";
  return { amount: String(seconds / ttlUnits[unit]), unit };
}

export function ttlSeconds(value: TtlValue): number {
  if (value.amount.trim() === "") return 0;
  return Number(value.amount) * ttlUnits[value.unit];
}

/** Fresh form values, pre-filled from `?parentId=`, `?spiffeId=` and `?selector=`. */
export function emptyFormValues(td: string, prefill: Prefill = {}): EntryFormValues {
  const prefix = `spiffe://${td}`;
  const path = prefill.spiffeId?.startsWith(prefix) ? prefill.spiffeId.slice(prefix.length) : "";
  return {
    path,
    parentId: prefill.parentId ?? "",
    node: prefill.parentId === serverSpiffeId(td),
    selectors: prefill.selectors?.length ? [...prefill.selectors] : [""],
    x509Ttl: toTtlValue(0),
    jwtTtl: toTtlValue(0),
    dnsNames: "",
    federatesWith: [],
    admin: false,
    downstream: false,
    storeSvid: false,
    hint: "",
    expiresAt: "",
    disableX509SvidPrefetch: false,
    jwtSvidIncludeJti: false,
  };
}

/** Form values showing an existing entry. */
export function formValuesFromEntry(entry: Entry, td: string): EntryFormValues {
  const prefix = `spiffe://${td}`;
  return {
    path: entry.spiffeId.startsWith(prefix) ? entry.spiffeId.slice(prefix.length) : entry.spiffeId,
    parentId: entry.parentId,
    node: entry.parentId === serverSpiffeId(td),
    selectors: entry.selectors.map((s) => `${s.type}:${s.value}`),
    x509Ttl: toTtlValue(entry.x509SvidTtl),
    jwtTtl: toTtlValue(entry.jwtSvidTtl),
    dnsNames: entry.dnsNames.join(", "),
    federatesWith: [...entry.federatesWith],
    admin: entry.admin,
    downstream: entry.downstream,
    storeSvid: entry.storeSvid,
    hint: entry.hint,
    expiresAt: entry.expiresAt ? entry.expiresAt.slice(0, 16) : "",
    disableX509SvidPrefetch: entry.additionalAttributes.disableX509SvidPrefetch,
    jwtSvidIncludeJti: entry.additionalAttributes.jwtSvidIncludeJti,
  };
}

/** The entry the form describes, with every field set (so edits can be diffed field by field). */
export function toEntryInput(values: EntryFormValues, td: string): EntryInput {
  return {
    spiffeId: `spiffe://${td}${values.path}`,
    parentId: values.node ? serverSpiffeId(td) : values.parentId.trim(),
    selectors: values.selectors
      .map((s) => s.trim())
      .filter(Boolean)
      .map((text) => {
        const parsed = parseSelector(text);
        return "error" in parsed ? { type: text.split(":")[0] ?? "", value: "" } : parsed;
      }),
    x509SvidTtl: ttlSeconds(values.x509Ttl),
    jwtSvidTtl: ttlSeconds(values.jwtTtl),
    federatesWith: values.federatesWith,
    dnsNames: values.dnsNames.split(/[\s,]+/).filter(Boolean),
    admin: values.admin,
    downstream: values.downstream,
    storeSvid: values.storeSvid,
    hint: values.hint,
    expiresAt: values.expiresAt ? `${values.expiresAt}:00Z` : null,
    additionalAttributes: {
      disableX509SvidPrefetch: values.disableX509SvidPrefetch,
      jwtSvidIncludeJti: values.jwtSvidIncludeJti,
    },
  };
}

/** An entry's editable fields, in the input shape. */
export function entryToInput(entry: Entry): EntryInput {
  const { id: _id, createdAt: _c, revisionNumber: _r, ...input } = entry;
  return input;
}

/** Only the fields of `next` that differ from `initial`. */
export function changedFields(initial: EntryInput, next: EntryInput): Partial<EntryInput> {
  const changed: Record<string, unknown> = {};
  for (const field of entryFields) {
    if (JSON.stringify(initial[field] ?? null) !== JSON.stringify(next[field] ?? null)) changed[field] = next[field];
  }
  return changed as Partial<EntryInput>;
}

export type FieldErrors = Record<string, string>;

/**
 * Field errors keyed by form field (`spiffeId`, `selectors.2`, `x509SvidTtl`, ...): selector
 * rows that are not `type:value`, then the shared schema's issues. `only` limits the schema
 * check to the given fields (an edit does not re-judge fields it does not change).
 */
export function validateForm(
  values: EntryFormValues,
  td: string,
  ctx: EntryInputContext,
  only?: Partial<EntryInput>,
): FieldErrors {
  const errors: FieldErrors = {};
  // Row numbers of the non-empty selector rows: the schema counts only those.
  const rows = values.selectors.flatMap((s, i) => (s.trim() ? [i] : []));
  for (const i of rows) {
    const parsed = parseSelector(values.selectors[i]!.trim());
    if ("error" in parsed) errors[`selectors.${i}`] = parsed.error;
  }
  const input = toEntryInput(values, td);
  const schema = entryInputSchema(ctx);
  const result = only ? schema.safeParse({ ...fillerFor(input), ...only }) : schema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [field, index] = issue.path;
      const key =
        field === "selectors" && typeof index === "number"
          ? `selectors.${rows[index] ?? index}`
          : String(field ?? "form");
      errors[key] ??= issue.message;
    }
  }
  return errors;
}

/** Valid stand-ins for the required fields, so a partial change can be checked alone. */
function fillerFor(input: EntryInput): EntryInput {
  const td = /^spiffe:\/\/([^/]+)/.exec(input.spiffeId)?.[1] ?? "example.org";
  return { spiffeId: `spiffe://${td}/x`, parentId: `spiffe://${td}/x`, selectors: [{ type: "x", value: "x" }] };
}

/** Server field issues (`selectors.0.value`) onto form keys (`selectors.0`). */
export function serverFieldErrors(details: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const d of details) {
    const parts = d.path.split(".");
    const key = parts[0] === "selectors" && parts.length > 1 ? parts.slice(0, 2).join(".") : parts[0] || "form";
    errors[key] ??= d.message;
  }
  return errors;
}

/** The input without default-valued optional fields (what create sends and the preview shows). */
export function compactInput(input: EntryInput): EntryInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const empty =
      (key === "additionalAttributes" && !Object.values(value as object).some(Boolean)) ||
      value === undefined ||
      value === null ||
      value === false ||
      value === 0 ||
      value === "" ||
      (Array.isArray(value) && value.length === 0);
    if (!empty || key === "selectors") out[key] = value;
  }
  return out as EntryInput;
}
