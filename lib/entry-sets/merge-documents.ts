import type { EntrySetDocument, EntrySetOwns } from "@/lib/entries-as-code/types";

/** A document of a set, with the file it came from (for messages). */
export type NamedDocument = { name: string; document: EntrySetDocument };

export type MergedSet = { ok: true; document: EntrySetDocument } | { ok: false; message: string };

function mergeOwns(documents: readonly NamedDocument[]): EntrySetOwns | string {
  const entryIdPrefixes = new Set(documents.map((d) => d.document.spec.owns.entryIdPrefix).filter(Boolean));
  if (entryIdPrefixes.size > 1) return `the files own different entry-ID prefixes (${[...entryIdPrefixes].join(", ")})`;
  const spiffeIdPrefixes = [...new Set(documents.flatMap((d) => d.document.spec.owns.spiffeIdPrefixes ?? []))].sort();
  const [entryIdPrefix] = entryIdPrefixes;
  return { ...(entryIdPrefix ? { entryIdPrefix } : {}), ...(spiffeIdPrefixes.length ? { spiffeIdPrefixes } : {}) };
}

/**
 * Joins the documents of one watched set (a directory of files) into one: the entries and
 * federation relationships of all, the union of what they own. The files must agree on the
 * server, on `prune` and on the entry-ID prefix, else the set is in error (rather than guessing
 * which file wins).
 */
export function mergeDocuments(setName: string, server: string, documents: readonly NamedDocument[]): MergedSet {
  if (documents.length === 0) return { ok: false, message: "the set's path holds no .yaml, .yml or .json document" };
  const foreign = documents.find((d) => d.document.spec.server && d.document.spec.server !== server);
  if (foreign) {
    const named = foreign.document.spec.server;
    return { ok: false, message: `${foreign.name} is for server '${named}', but the set watches '${server}'` };
  }
  const prunes = new Set(documents.map((d) => d.document.spec.prune));
  if (prunes.size > 1) return { ok: false, message: "the files disagree on prune: set it the same in every file" };
  const owns = mergeOwns(documents);
  if (typeof owns === "string") return { ok: false, message: owns };
  const first = documents[0]!.document;
  // Relationships are in the set's scope only when some file declares them (then all the server's are).
  const declaring = documents.filter((d) => d.document.spec.federationRelationships);
  const federationRelationships = declaring.flatMap((d) => d.document.spec.federationRelationships ?? []);
  return {
    ok: true,
    document: {
      ...first,
      metadata: { name: setName },
      spec: {
        server,
        owns,
        prune: first.spec.prune,
        entries: documents.flatMap((d) => d.document.spec.entries),
        ...(declaring.length > 0 ? { federationRelationships } : {}),
      },
    },
  };
}
