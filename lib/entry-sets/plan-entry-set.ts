import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { runWithAuth } from "@/lib/auth/request-context";
import type { EntrySetConfig } from "@/lib/config/entry-sets-schema";
import type { ServerConfig } from "@/lib/config/schema";
import { createPlan } from "@/lib/entries-as-code/create-plan";
import { parseEntrySet } from "@/lib/entries-as-code/parse-entry-set";
import type { EntrySetDocument, Plan } from "@/lib/entries-as-code/types";

import { mergeDocuments, type NamedDocument } from "./merge-documents";
import type { SetFiles } from "./read-set-files";
import { entrySetPrincipal, systemRequestAuth } from "./system-principal";

/** A set's documents read as one, with the principal the console uses for it. */
export type ReadSet = { document: EntrySetDocument; principal: ReturnType<typeof entrySetPrincipal> };

/** Parses every file of a set and joins them (400 naming the file that cannot be read). */
export function documentOfSet(set: EntrySetConfig, files: SetFiles): ReadSet {
  const documents: NamedDocument[] = [];
  for (const file of files.files) {
    const parsed = parseEntrySet(file.text);
    if (!parsed.ok) {
      const where = parsed.details.map((d) => `${d.path}: ${d.message}`).join("; ");
      throw new ApiError("invalid_argument", `${file.name}: ${parsed.message}${where ? ` (${where})` : ""}`);
    }
    documents.push({ name: file.name, document: parsed.document });
  }
  const merged = mergeDocuments(set.name, set.server, documents);
  if (!merged.ok) throw new ApiError("invalid_argument", merged.message);
  return { document: merged.document, principal: entrySetPrincipal(set.name, set.server, merged.document) };
}

/**
 * Plans a set against its server as the console's own principal. A drift plan (`save` false)
 * waits for a fresh walk of the entry index, so changes made outside the console (the CLI, another
 * tool) are seen; the walk is shared by every set of the server. `save` keeps the plan appliable
 * (autoApply), read right after such a walk.
 */
export function planAsConsole(set: EntrySetConfig, server: ServerConfig, read: ReadSet, save: boolean): Promise<Plan> {
  const source = { name: `entry set ${set.name}`, format: "console" as const };
  return runWithAuth(systemRequestAuth(read.principal), () =>
    createPlan(server, read.document, { save, refresh: !save, source }),
  );
}
