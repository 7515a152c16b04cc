import { type ImportRow, parseEntryImport } from "@/lib/entries/import-export";
import { type EntryInputContext, entryInputSchema } from "@/lib/schemas/entry-input";

export type PreviewRow = ImportRow & { valid: boolean };
export type ImportPreview = { format: string; rows: PreviewRow[] } | { error: string };

/** Parses an import file and validates every row as the server will (trust domain, bundles, limits). */
export function previewImport(text: string, ctx: EntryInputContext): ImportPreview {
  const parsed = parseEntryImport(text);
  if ("error" in parsed) return parsed;
  const schema = entryInputSchema(ctx);
  const rows = parsed.rows.map((row) => {
    const result = schema.safeParse(row.input);
    const issues = result.success
      ? []
      : result.error.issues.map((i) => `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`);
    const problems = [...row.problems, ...issues];
    return { ...row, problems, valid: problems.length === 0 };
  });
  return { format: parsed.format, rows };
}

/** Starts a browser download of `text` as `name`. */
export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
