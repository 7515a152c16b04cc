import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { controllerManagedReasons } from "@/lib/entries/controller-managed";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
import { listFederationRelationships } from "@/lib/spire/federation";
import { serverTrustDomain } from "@/lib/spire/trust-domain";

import { declareEntry } from "./declared-entry";
import { findExportSlots } from "./find-export-slots";
import { serializeEntrySet } from "./parse-entry-set";
import {
  type DeclaredFederation,
  ENTRY_SET_API_VERSION,
  ENTRY_SET_KIND,
  type EntrySetDocument,
  type EntrySetFormat,
  type ExportedFile,
  type ExportScope,
} from "./types";

const contentTypes: Record<EntrySetFormat, string> = {
  console: "application/yaml",
  "spire-data": "application/json",
  "cluster-static-entry": "application/yaml",
};
const extensions: Record<EntrySetFormat, string> = {
  console: "entryset.yaml",
  "spire-data": "json",
  "cluster-static-entry": "clusterstaticentries.yaml",
};

/** The server's federation relationships as declared ones (those with a profile the console knows). */
async function declaredRelationships(server: ServerConfig): Promise<DeclaredFederation[]> {
  const live = await listFederationRelationships(server);
  return live
    .flatMap(({ trustDomain, bundleEndpointUrl, profile }) =>
      profile.type === "unknown" ? [] : [{ trustDomain, bundleEndpointUrl, bundleEndpointProfile: profile }],
    )
    .sort((a, b) => (a.trustDomain < b.trustDomain ? -1 : 1));
}

/**
 * Exports a scope of `server` as code: every entry (a SPIFFE-ID prefix, the subtree below a parent
 * ID, a selection of IDs, or all; combined they narrow each other) in one of the three formats,
 * entry IDs kept, entries spire-controller-manager owns left out. Read from the entry index. The
 * console format also holds the server's federation relationships.
 */
export async function exportEntries(
  server: ServerConfig,
  scope: ExportScope,
  format: EntrySetFormat,
  as: "yaml" | "json" = "yaml",
): Promise<ExportedFile> {
  await authorize("entries.read", { server: server.name });
  const index = await readEntryIndex(server, await serverTrustDomain(server));
  const entries = findExportSlots(index, scope)
    .map((slot) => index.columns.entryAt(slot))
    .filter((entry) => controllerManagedReasons(entry).length === 0)
    .sort((a, b) => (a.spiffeId < b.spiffeId ? -1 : a.spiffeId > b.spiffeId ? 1 : a.id < b.id ? -1 : 1));
  const name = scope.name ?? server.name;
  const federationRelationships = format === "console" ? await declaredRelationships(server) : [];
  const document: EntrySetDocument = {
    apiVersion: ENTRY_SET_API_VERSION,
    kind: ENTRY_SET_KIND,
    metadata: { name },
    spec: {
      server: server.name,
      owns: scope.spiffeIdPrefix && !scope.ids && !scope.parentId ? { spiffeIdPrefixes: [scope.spiffeIdPrefix] } : {},
      prune: false,
      entries: entries.map(declareEntry),
      ...(federationRelationships.length > 0 ? { federationRelationships } : {}),
    },
  };
  return {
    format,
    text: serializeEntrySet(document, format, as),
    contentType: format === "console" && as === "json" ? "application/json" : contentTypes[format],
    fileName: `${name.replace(/[^A-Za-z0-9._-]+/g, "-")}.${format === "console" && as === "json" ? "entryset.json" : extensions[format]}`,
    count: entries.length,
  };
}
