import "server-only";

import { ApiError } from "@/lib/api/api-error";
import type { AccessDecision } from "@/lib/auth/access-map";
import { entryWriteAccess } from "@/lib/auth/entry-access";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { entryIdSchema } from "@/lib/schemas/entry-input";
import { getEntry } from "@/lib/spire/entries";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Entry } from "@/lib/spire/types";

/** What the create and import forms need: the server's trust domain (for IDs and validation). */
export async function loadEntryFormContext(server: ServerConfig): Promise<{ trustDomain: string }> {
  await authorize("entries.write", { server: server.name });
  return { trustDomain: await serverTrustDomain(server) };
}

/** The entry to edit, fresh from SPIRE, with the server's trust domain; a malformed ID is a 400. */
export async function loadEntryForEdit(
  server: ServerConfig,
  id: string,
): Promise<{ entry: Entry; trustDomain: string; writable: AccessDecision }> {
  const principal = await authorize("entries.write", { server: server.name });
  const parsed = entryIdSchema.safeParse(id);
  if (!parsed.success) throw new ApiError("invalid_argument", `'${id.slice(0, 80)}' is not an entry ID.`);
  const [entry, trustDomain] = await Promise.all([getEntry(server, parsed.data), serverTrustDomain(server)]);
  return { entry, trustDomain, writable: entryWriteAccess(principal, server.name, entry) };
}
