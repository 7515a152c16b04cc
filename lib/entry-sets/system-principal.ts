import "server-only";

import type { Principal } from "@/lib/auth/principal";
import type { RequestAuth } from "@/lib/auth/request-context";
import { authSettings } from "@/lib/auth/settings";
import type { EntrySetDocument } from "@/lib/entries-as-code/types";

/**
 * The console's own principal for one watched set's refresh and autoApply. It holds one editor
 * binding and nothing more: only the set's server, only SPIFFE IDs under the set's declared
 * `owns.spiffeIdPrefixes`, only the DNS names, parents, selectors, TTLs, federated trust domains and
 * storeSvid the set itself declares (its entry bounds); as an editor it can never
 * create or change admin, downstream or node entries, and never reach tokens or the audit log.
 * The audit log records it as `system` / `entry-set:<name>`.
 */
export function entrySetPrincipal(setName: string, server: string, document: EntrySetDocument): Principal {
  const entries = document.spec.entries;
  const unique = <T>(items: T[]) => [...new Set(items)];
  const dnsNames = unique(entries.flatMap((e) => e.dnsNames ?? []));
  // The entry bounds (deny by default) are exactly what the set declares: its parents, selectors,
  // TTLs, federated trust domains and storeSvid, so autoApply can write the set and nothing else.
  const bounds = {
    parentIdPrefixes: unique(entries.map((e) => e.parentId)),
    selectorPrefixes: unique(entries.flatMap((e) => e.selectors.map((s) => `${s.type}:${s.value}`))),
    maxX509SvidTtl: Math.max(0, ...entries.map((e) => e.x509SvidTtl ?? 0)),
    maxJwtSvidTtl: Math.max(0, ...entries.map((e) => e.jwtSvidTtl ?? 0)),
    federatesWith: unique(entries.flatMap((e) => (e.federatesWith ?? []).map((td) => td.replace(/^spiffe:\/\//, "")))),
    storeSvid: entries.some((e) => e.storeSvid === true),
  };
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
        ...bounds,
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
