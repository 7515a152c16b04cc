import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { callUnary } from "./call";
import { toIsoTime, toSpiffeIdString } from "./mappers";
import type { PbGetInfoResponse } from "./proto-types";
import { checkRemoteHealth, getRemoteServerInfo, isRemoteServer } from "./remote-server";
import type { ServerInfo } from "./types";

/** Asks the server's gRPC health service (local socket only; see remote-server.ts); true only for SERVING. */
export async function checkHealth(server: ServerConfig): Promise<boolean> {
  if (isRemoteServer(server)) return checkRemoteHealth(server);
  const response = await callUnary<{ status: string }>(server, "health", "check", { service: "" });
  return response.status === "SERVING";
}

/** The Debug API's view of the server: uptime, counts and its own SVID chain. */
export async function getServerInfo(server: ServerConfig): Promise<ServerInfo> {
  if (isRemoteServer(server)) return getRemoteServerInfo(server);
  const info = await callUnary<PbGetInfoResponse>(server, "debug", "getInfo", {});
  return {
    uptimeSeconds: info.uptime,
    agentsCount: info.agentsCount,
    entriesCount: info.entriesCount,
    federatedBundlesCount: info.federatedBundlesCount,
    svidChain: info.svidChain.map((cert) => ({
      spiffeId: toSpiffeIdString(cert.id),
      subject: cert.subject,
      expiresAt: toIsoTime(cert.expiresAt),
    })),
  };
}
