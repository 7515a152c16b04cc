import "server-only";

import { userMessage } from "@/lib/api/user-message";
import { audited } from "@/lib/audit/write-audit";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { refreshFederatedBundle } from "@/lib/spire/federation";

import { recordRefresh } from "./refresh-log";

/**
 * Makes `server` fetch `trustDomain`'s bundle now, audited. The outcome (time, and the error if
 * any) is kept for the Federation page's "last refresh" column.
 */
export async function refreshBundle(server: ServerConfig, trustDomain: string): Promise<void> {
  await authorize("federation.refresh", { server: server.name });
  const change = {
    action: "federation.refresh",
    server,
    target: { type: "federation", id: trustDomain, spiffeId: null },
  };
  try {
    await audited(change, () => refreshFederatedBundle(server, trustDomain));
    recordRefresh(server.name, trustDomain, { at: new Date().toISOString(), ok: true, error: null });
  } catch (error) {
    const message = userMessage(error, `refreshing ${trustDomain} on ${server.name}`);
    recordRefresh(server.name, trustDomain, { at: new Date().toISOString(), ok: false, error: message });
    throw error;
  }
}
