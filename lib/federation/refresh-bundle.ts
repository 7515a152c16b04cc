import "server-only";

import { audited } from "@/lib/audit/write-audit";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { refreshFederatedBundle } from "@/lib/spire/federation";

/** Makes `server` fetch `trustDomain`'s bundle now, audited. */
export async function refreshBundle(server: ServerConfig, trustDomain: string): Promise<void> {
  await authorize("federation.refresh", { server: server.name });
  const change = {
    action: "federation.refresh",
    server,
    target: { type: "federation", id: trustDomain, spiffeId: null },
  };
  await audited(change, () => refreshFederatedBundle(server, trustDomain));
}
