import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { getServerInfo } from "./health";

const discovered = new Map<string, string>();

/** The server's trust domain: from the config, else learnt once from its own SVID (Debug API). */
export async function serverTrustDomain(server: ServerConfig): Promise<string> {
  if (server.trustDomain) return server.trustDomain;
  const known = discovered.get(server.address);
  if (known) return known;
  const info = await getServerInfo(server);
  const id = info.svidChain[0]?.spiffeId ?? "";
  const trustDomain = id ? new URL(id).host : "";
  if (trustDomain) discovered.set(server.address, trustDomain);
  return trustDomain;
}
