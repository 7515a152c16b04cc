import "server-only";

import { readFileSync } from "node:fs";

import * as grpc from "@grpc/grpc-js";

import type { ServerConfig } from "@/lib/config/schema";

/**
 * Channel credentials for one server: plain for a local Unix socket (the socket's file
 * permissions are the authorization), mTLS with an admin X509-SVID for host:port. For TLS the
 * server is verified as SPIFFE requires: its chain must lead to the configured bundle and its
 * certificate must carry the URI SAN `spiffe://<trust domain>/spire/server`; the hostname is
 * not what is checked.
 */
export function channelCredentials(server: ServerConfig): grpc.ChannelCredentials {
  if (server.address.startsWith("unix://")) return grpc.credentials.createInsecure();
  const tls = server.tls;
  if (!tls) throw new Error(`server ${server.name}: host:port address without tls files`);
  const expectedId = server.trustDomain ? `spiffe://${server.trustDomain}/spire/server` : null;
  return grpc.credentials.createSsl(readFileSync(tls.bundleFile), readFileSync(tls.keyFile), readFileSync(tls.certFile), {
    checkServerIdentity: (_host, cert) => {
      const uris = (cert.subjectaltname ?? "").split(", ").filter((san) => san.startsWith("URI:")).map((san) => san.slice(4));
      const serverId = uris.find((uri) => uri.startsWith("spiffe://"));
      if (!serverId) return new Error("the server certificate has no SPIFFE ID");
      if (expectedId && serverId !== expectedId) {
        return new Error(`server ID mismatch: expected ${expectedId}, got ${serverId}`);
      }
      if (!expectedId && !serverId.endsWith("/spire/server")) {
        return new Error(`${serverId} is not a SPIRE server ID`);
      }
      return undefined;
    },
  });
}

