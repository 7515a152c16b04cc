import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { getLocalAuthorities } from "@/lib/spire/authorities";
import { getBundle } from "@/lib/spire/bundles";
import type { Bundle, LocalAuthorities } from "@/lib/spire/types";

/** One server's signing authorities (active, prepared, old) and the trust bundle it publishes. */
export type AuthoritiesView = { server: string; local: LocalAuthorities; bundle: Bundle };

/** Reads one server's X.509 and JWT authorities and its own bundle, for the Authorities page. */
export async function getAuthoritiesView(server: ServerConfig): Promise<AuthoritiesView> {
  await authorize("expiry.read", { server: server.name });
  const [local, bundle] = await Promise.all([getLocalAuthorities(server), getBundle(server)]);
  return { server: server.name, local, bundle };
}

/** One server's X.509 and JWT authorities: active, prepared and old. */
export async function getServerAuthorities(server: ServerConfig): Promise<LocalAuthorities> {
  await authorize("expiry.read", { server: server.name });
  return getLocalAuthorities(server);
}
