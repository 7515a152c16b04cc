import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { getBundle } from "./bundles";

const discovered = new Map<string, string>();

/**
 * The server's trust domain: from the config, else learnt once from its own bundle (GetBundle
 * answers on the admin socket and over TCP alike).
 */
export async function serverTrustDomain(server: ServerConfig): Promise<string> {
  if (server.trustDomain) return server.trustDomain;
  const known = discovered.get(server.address);
  if (known) return known;
  const { trustDomain } = await getBundle(server);
  if (trustDomain) discovered.set(server.address, trustDomain);
  return trustDomain;
}
