import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { callUnary } from "./call";
import { serverPeer } from "./client";
import type { ServerInfo } from "./types";

/** True for a server reached over TCP (mTLS) rather than its local Unix socket. */
export function isRemoteServer(server: ServerConfig): boolean {
  return !server.address.startsWith("unix://");
}

/**
 * Health of a host:port server. SPIRE serves grpc.health and Debug.GetInfo only on its local
 * socket, so the check is a Bundle.GetBundle over mTLS (allowed for any authenticated caller):
 * it proves the TLS handshake, both SVIDs and the server answering. Admin rights show up on
 * the admin calls that follow.
 */
export async function checkRemoteHealth(server: ServerConfig): Promise<boolean> {
  await callUnary(server, "bundle", "getBundle", {});
  return true;
}

/**
 * What can be known about a host:port server without Debug.GetInfo: its SVID, from the TLS
 * handshake. Uptime and the Debug API's counts are not available over TCP (null).
 */
export async function getRemoteServerInfo(server: ServerConfig): Promise<ServerInfo> {
  await callUnary(server, "bundle", "getBundle", {});
  const peer = serverPeer(server);
  return {
    uptimeSeconds: null,
    agentsCount: null,
    entriesCount: null,
    federatedBundlesCount: null,
    svidChain: peer ? [peer] : [],
  };
}
