import "server-only";

import { cache } from "react";

import { authorize } from "@/lib/auth/guard";
import type { CompactEntryIndex } from "@/lib/entries/compact/compact-index";
import { readEntryIndex } from "@/lib/entries/entry-index-cache";
import { findActiveCa } from "@/lib/expiry/active-ca";
import type { CaWindow } from "@/lib/expiry/ttl-cap";
import { getServerConfig } from "@/lib/servers/resolve-server";
import { getLocalAuthorities } from "@/lib/spire/authorities";
import { getBundle, listFederatedBundles } from "@/lib/spire/bundles";
import { serverTrustDomain } from "@/lib/spire/trust-domain";
import type { Agent, Bundle } from "@/lib/spire/types";

import { type WorkloadEntries, workloadEntriesOf } from "./workload-entries";

export type SpireContext = {
  server: string;
  trustDomain: string;
  /** The server's compact entry index (for lookups that need not build every entry). */
  index: CompactEntryIndex;
  /** The entries a workload's diagnosis reads (node aliases, entries near a workload), built as read. */
  entries: WorkloadEntries;
  agents: Agent[];
  federatedBundles: Bundle[];
  activeCa: CaWindow | null;
};

/**
 * Everything the troubleshooter needs from one SPIRE server: its entries and agents (from the
 * compact entry index; an entry is built only when a diagnosis reads it), the federated bundles, and the active
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
  return {
    server: server.name,
    trustDomain,
    index,
    entries: workloadEntriesOf(index),
    agents: [...index.agents],
    federatedBundles,
    activeCa,
  };
});
