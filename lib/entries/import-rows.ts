import { type ImportRow, parseEntryImport } from "@/lib/entries/import-export";
import { type EntryInputContext, entryInputSchema } from "@/lib/schemas/entry-input";

export type PreviewRow = ImportRow & { valid: boolean };
export type ImportPreview = { format: string; rows: PreviewRow[] } | { error: string };

/**
 * Parses an import file and validates every row as the server will (trust domain, bundles,
 * limits): each row keeps the file's problems and gains the schema's, as `path: message`.
 */
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
