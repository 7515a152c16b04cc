// The saved form of EntryColumns (see `EntryColumns.save` and `EntryColumns.restore`).

/** The columns as plain data (typed arrays cut to the slots in use, string tables as blocks), for a saved copy. */
export type SavedColumns = {
  slots: number;
  listEnd: number;
  liveCount: number;
  tables: Record<"nodes" | "texts" | "idTexts", { blocks: string[]; count: number }>;
  int32: Record<Int32Column, Int32Array>;
  float64: Record<"expiresMs" | "createdMs" | "revision", Float64Array>;
  flags: Uint8Array;
  lists: Int32Array;
};

export const INT32_COLUMNS = [
  "idText",
  "spiffe",
  "parent",
  "hint",
  "x509Ttl",
  "jwtTtl",
  "listStart",
  "selectorCount",
  "federatesCount",
  "dnsCount",
] as const;
export type Int32Column = (typeof INT32_COLUMNS)[number];
export const FLOAT64_COLUMNS = ["expiresMs", "createdMs", "revision"] as const;
