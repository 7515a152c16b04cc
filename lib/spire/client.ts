import "server-only";

import * as grpc from "@grpc/grpc-js";

import type { ServerConfig } from "@/lib/config/schema";

import { currentTlsMaterial, type PeerSvid, prepareTls } from "./credentials";
import { serviceConstructor, type ServiceName } from "./protos";

/** gRPC channel options shared by every server connection. */
const channelOptions: grpc.ChannelOptions = {
  // Large ListEntries pages and bundles exceed gRPC's 4 MiB default.
  "grpc.max_receive_message_length": 64 * 1024 * 1024,
  // SPIRE's gRPC server enforces at least 5 minutes between keepalive pings.
  "grpc.keepalive_time_ms": 5 * 60 * 1000,
  "grpc.keepalive_timeout_ms": 20_000,
  // Recover quickly when a server comes back instead of gRPC's 2-minute backoff ceiling.
  "grpc.initial_reconnect_backoff_ms": 250,
  "grpc.max_reconnect_backoff_ms": 3_000,
};

/**
 * One channel to one server, built from one generation of TLS material.
 *
 * Why a fresh channel per SVID generation: grpc-js fixes a channel's credentials when the
 * channel is created, and a SecureContext cannot be swapped inside it. So when the Workload
 * API rotates the console's SVID (or the SVID files change), the next call gets a new channel
 * built with `createFromSecureContext` from the new material, and the old channel is
 * *retired*: it takes no new calls and is closed once its in-flight calls (counted by an
 * interceptor) have finished, so a rotation never cuts off a running call. Unix-socket
 * servers have a single generation and never rotate.
 */
type Connection = {
  serverName: string;
  key: string;
  channel: grpc.Channel;
  clients: Map<ServiceName, grpc.Client>;
  inFlight: number;
  retired: boolean;
  /** The console's SPIFFE ID on this connection (TCP only). */
  clientId: string | null;
  /** The server's SVID from the last handshake (TCP only). */
  peer: PeerSvid | null;
  /** Why the last handshake's server verification failed, if it did. */
  verifyError: string | null;
};

// Kept on globalThis so dev-mode module reloads reuse connections instead of leaking them.
const globalForSpire = globalThis as typeof globalThis & {
  __spireConnections?: Map<string, Connection>;
  __spireRetired?: Set<Connection>;
};
const connections = (globalForSpire.__spireConnections ??= new Map());
const retired = (globalForSpire.__spireRetired ??= new Set());
const openedCount = new Map<string, number>();

/** Retired channels are closed at the latest this long after retirement (calls have deadlines). */
const RETIRE_GRACE_MS = 2 * 60 * 1000;

function grpcTarget(address: string): string {
  return address.startsWith("unix://") ? address : `dns:///${address}`;
}

function closeConnection(connection: Connection): void {
  retired.delete(connection);
  connection.channel.close();
}

function retire(connection: Connection): void {
  connection.retired = true;
  if (connection.inFlight === 0) return closeConnection(connection);
  retired.add(connection);
  setTimeout(() => retired.has(connection) && closeConnection(connection), RETIRE_GRACE_MS).unref();
}

// The TLS alert a SPIRE server sends when it refuses the client certificate (alert 42).
const refusedCertificate = /alert bad certificate|alert number 42\b/i;

/**
 * Rewrites SPIRE's terse statuses into what an operator needs to do (TCP connections). SPIRE
 * refuses a non-admin caller in two ways: PERMISSION_DENIED ("authorization denied") for an ID
 * of its own trust domain, and already in the TLS handshake (alert "bad certificate") for an ID
 * of another trust domain that is not in `admin_ids` (pkg/server/endpoints/auth.go). Both become
 * PERMISSION_DENIED (403) with the same advice.
 */
function explainStatus(status: grpc.StatusObject, connection: Connection, server: ServerConfig): grpc.StatusObject {
  if (!connection.clientId) return status;
  const where = server.trustDomain ?? (connection.peer ? new URL(connection.peer.spiffeId).host : server.address);
  const advice = `${connection.clientId} is not an admin of ${where}: add it to admin_ids or create an admin entry`;
  if (status.code === grpc.status.PERMISSION_DENIED && /authorization denied/i.test(status.details)) {
    return { ...status, details: `${advice} (SPIRE: ${status.details})` };
  }
  if (status.code === grpc.status.UNAVAILABLE && connection.verifyError) {
    return { ...status, details: `cannot verify the server at ${server.address}: ${connection.verifyError}` };
  }
  if (status.code === grpc.status.UNAVAILABLE && refusedCertificate.test(status.details)) {
    return {
      ...status,
      code: grpc.status.PERMISSION_DENIED,
      details: `${advice} (the server refused the console's certificate in the TLS handshake; an ID of another trust domain must be listed in admin_ids, and that trust domain's bundle must be federated)`,
    };
  }
  return status;
}

/** Counts the connection's in-flight calls and closes a retired channel after its last call. */
function trackingInterceptor(connection: Connection, server: ServerConfig): grpc.Interceptor {
  return (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        connection.inFlight += 1;
        let finished = false;
        next(metadata, {
          onReceiveStatus(status, nextStatus) {
            if (!finished) {
              finished = true;
              connection.inFlight -= 1;
              if (connection.retired && connection.inFlight === 0) closeConnection(connection);
            }
            nextStatus(explainStatus(status, connection, server));
          },
        });
      },
    });
}

function openConnection(server: ServerConfig): Connection {
  const tcp = !server.address.startsWith("unix://");
  const material = tcp ? currentTlsMaterial(server) : null;
  const key = JSON.stringify([server.address, server.trustDomain ?? null, server.tls ?? null, material?.key ?? null]);
  const existing = connections.get(server.name);
  if (existing && existing.key === key) return existing;

  const connection: Connection = {
    serverName: server.name,
    key,
    channel: undefined as unknown as grpc.Channel,
    clients: new Map(),
    inFlight: 0,
    retired: false,
    clientId: material?.clientId ?? null,
    peer: existing?.peer ?? null,
    verifyError: null,
  };
  const credentials = material
    ? material.create({
        onPeer: (peer) => (connection.peer = peer),
        onVerifyError: (reason) => (connection.verifyError = reason),
      })
    : grpc.credentials.createInsecure();
  // TLS SNI must not be an IP address (RFC 6066); SPIRE ignores SNI and we verify the SPIFFE ID.
  const sni = material && server.trustDomain ? { "grpc.ssl_target_name_override": server.trustDomain } : {};
  connection.channel = new grpc.Channel(grpcTarget(server.address), credentials, { ...channelOptions, ...sni });
  connections.set(server.name, connection);
  openedCount.set(server.name, (openedCount.get(server.name) ?? 0) + 1);
  if (existing) retire(existing);
  return connection;
}

/**
 * The client for one service of one server. All services of a server share one cached
 * channel, so the console keeps a single connection per server (per SVID generation for
 * host:port servers). Throws a 503 ApiError when the TLS material is missing or expired.
 */
export function serviceClient(server: ServerConfig, service: ServiceName): grpc.Client {
  const connection = openConnection(server);
  let client = connection.clients.get(service);
  if (!client) {
    const Constructor = serviceConstructor(service);
    client = new Constructor(server.address, grpc.credentials.createInsecure(), {
      channelOverride: connection.channel,
      interceptors: [trackingInterceptor(connection, server)],
    });
    connection.clients.set(service, client);
  }
  return client;
}

/**
 * Resolves once a server can be called: immediately for Unix sockets and SVID files; for the
 * Workload API after its first answer (or failure), at most the server's deadline.
 */
export async function prepareServer(server: ServerConfig): Promise<void> {
  if (!server.address.startsWith("unix://")) await prepareTls(server);
}

/** The server's own SVID as the last TLS handshake showed it (host:port servers), or null. */
export function serverPeer(server: ServerConfig): PeerSvid | null {
  return connections.get(server.name)?.peer ?? null;
}

/** Channels opened so far and in-flight calls per channel of a server (tests and diagnostics). */
export function connectionStats(serverName: string): { opened: number; current: number | null; retired: number[] } {
  const current = connections.get(serverName);
  return {
    opened: openedCount.get(serverName) ?? 0,
    current: current ? current.inFlight : null,
    retired: [...retired].filter((c) => c.serverName === serverName).map((c) => c.inFlight),
  };
}
