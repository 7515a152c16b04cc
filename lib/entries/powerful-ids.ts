import "server-only";

import type { KnownPowerfulId } from "@/lib/auth/powerful-identity";
import { configuredServers } from "@/lib/servers/resolve-server";
import { currentTlsMaterial } from "@/lib/spire/credentials";

/**
 * The IDs the console knows to be powerful on some server: its own (the Workload API SVID it
 * presents and each server's `tls` identity, as configured and as currently loaded) and every
 * server's `adminIds`. Gathered from all servers: an SVID minted by one server may be admin on
 * another that federates with it (in the demo, bar lists foo's console ID in admin_ids).
 */
export function readKnownPowerfulIds(): KnownPowerfulId[] {
  const known: KnownPowerfulId[] = [];
  for (const server of configuredServers()) {
    const own = new Set<string>();
    if (server.tls?.source === "workloadApi" && server.tls.spiffeId) own.add(server.tls.spiffeId);
    if (server.tls) {
      try {
        own.add(currentTlsMaterial(server).clientId);
      } catch {
        // Credentials not loaded yet: the configured ID above still counts.
      }
    }
    for (const spiffeId of own) {
      known.push({ spiffeId, rule: "console-id", why: `the console presents it to SPIRE server '${server.name}'` });
    }
    for (const spiffeId of server.adminIds) {
      known.push({ spiffeId, rule: "admin-ids", why: `SPIRE server '${server.name}' lists it in admin_ids` });
    }
  }
  return known;
}
