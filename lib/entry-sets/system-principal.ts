import "server-only";

import type { Principal } from "@/lib/auth/principal";
import type { RequestAuth } from "@/lib/auth/request-context";
import { authSettings } from "@/lib/auth/settings";
import type { EntrySetDocument } from "@/lib/entries-as-code/types";

/**
 * The console's own principal for one watched set's refresh and autoApply. It holds one editor
 * binding and nothing more: only the set's server, only SPIFFE IDs under the set's declared
 * `owns.spiffeIdPrefixes`, only the DNS names the set itself declares; as an editor it can never
 * create or change admin, downstream or node entries, and never reach tokens or the audit log.
 * The audit log records it as `system` / `entry-set:<name>`.
 */
export function entrySetPrincipal(setName: string, server: string, document: EntrySetDocument): Principal {
  const dnsNames = [...new Set(document.spec.entries.flatMap((e) => e.dnsNames ?? []))];
  return {
    kind: "system",
    method: "system",
    issuer: "spire-console",
    subject: `entry-set:${setName}`,
    name: `entry set ${setName} (console)`,
    email: null,
    groups: [],
    tokenId: null,
    bindings: [
      {
        role: "editor",
        servers: [server],
        spiffeIdPrefixes: document.spec.owns.spiffeIdPrefixes ?? [],
        dnsSuffixes: dnsNames,
        source: `entrySets[${setName}] (the console's own principal)`,
      },
    ],
  };
}

/** A request context for the console's own background work, to run loaders under with `runWithAuth`. */
export function systemRequestAuth(principal: Principal): RequestAuth {
  const settings = authSettings();
  return {
    principal,
    info: { peer: null, viaTrustedProxy: false, clientAddress: null, host: "spire-console", proto: "http" },
    settings,
    origin: settings.publicOrigin ?? "http://localhost",
    secure: false,
    requestId: null,
  };
}
