import "server-only";

import { cache } from "react";

import { authorize } from "@/lib/auth/guard";
import type { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { allEntries } from "@/lib/entries/compact/read-entries";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
import { findActiveCa } from "@/lib/expiry/active-ca";
import type { CaWindow } from "@/lib/expiry/ttl-cap";
import { getServerConfig } from "@/lib/servers/resolve-server";
import { getLocalAuthorities } from "@/lib/spire/authorities";
import { getBundle, listFederatedBundles } from "@/lib/spire/bundles";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Agent, Bundle, Entry } from "@/lib/spire/types";

export type SpireContext = {
  server: string;
  trustDomain: string;
  /** The server's compact entry index (for lookups that need not build every entry). */
  index: CompactEntryIndex;
  /** Every entry as an object, built on first use (once per page render). */
  entries: Entry[];
  agents: Agent[];
  federatedBundles: Bundle[];
  activeCa: CaWindow | null;
};

/**
 * Everything the troubleshooter needs from one SPIRE server: all entries and agents (from the
 * compact entry index; entries are built only when read), the federated bundles, and the active
 * X.509 CA's validity window (read once per page render).
 */
export const loadSpireContext = cache(async function loadSpireContext(serverName: string): Promise<SpireContext> {
  const server = getServerConfig(serverName);
  await authorize("troubleshoot.read", { server: server.name });
  const trustDomain = await serverTrustDomain(server);
  const [index, federatedBundles, own, authorities] = await Promise.all([
    readEntryIndex(server, trustDomain),
    listFederatedBundles(server),
    getBundle(server),
    getLocalAuthorities(server).catch(() => null),
  ]);
  const activeCa = findActiveCa(own.x509Authorities, authorities?.x509.active?.expiresAt ?? null);
  let entries: Entry[] | null = null;
  return {
    server: server.name,
    trustDomain,
    index,
    get entries() {
      entries ??= allEntries(index);
      return entries;
    },
    agents: [...index.agents],
    federatedBundles,
    activeCa,
  };
});
