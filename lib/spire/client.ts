import "server-only";

import * as grpc from "@grpc/grpc-js";

import { ApiError } from "@/lib/api/api-error";
import { loadConfig } from "@/lib/config/load-config";
import type { ServerConfig } from "@/lib/config/schema";

import { channelCredentials } from "./credentials";
import { type ServiceName, serviceConstructor } from "./protos";

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

type Connection = { key: string; channel: grpc.Channel; clients: Map<ServiceName, grpc.Client> };

// Kept on globalThis so dev-mode module reloads reuse connections instead of leaking them.
const globalForSpire = globalThis as typeof globalThis & { __spireConnections?: Map<string, Connection> };
const connections = (globalForSpire.__spireConnections ??= new Map());

/** A connection is replaced when anything in its server's config changes. */
function connectionKey(server: ServerConfig): string {
  return JSON.stringify([server.address, server.tls ?? null, server.trustDomain ?? null]);
}

function grpcTarget(address: string): string {
  return address.startsWith("unix://") ? address : `dns:///${address}`;
}

/** Returns the configured server called `name`, or throws 404 / 503 (not configured). */
export function getServerConfig(name: string): ServerConfig {
  const state = loadConfig();
  if (state.status === "unconfigured") {
    throw new ApiError("not_configured", "No SPIRE servers are configured: set SPIRE_CONSOLE_CONFIG or run `npm run stack:up`.");
  }
  if (state.status === "invalid") throw new ApiError("not_configured", state.message);
  const server = state.config.servers.find((s) => s.name === name);
  if (!server) throw new ApiError("not_found", `Unknown SPIRE server '${name}'.`);
  return server;
}

/**
 * The client for one service of one server. All services of a server share one cached
 * channel, so the console keeps a single connection per server.
 */
export function serviceClient(server: ServerConfig, service: ServiceName): grpc.Client {
  const key = connectionKey(server);
  let connection = connections.get(server.name);
  if (!connection || connection.key !== key) {
    connection?.channel.close();
    const channel = new grpc.Channel(grpcTarget(server.address), channelCredentials(server), channelOptions);
    connection = { key, channel, clients: new Map() };
    connections.set(server.name, connection);
  }
  let client = connection.clients.get(service);
  if (!client) {
    const Constructor = serviceConstructor(service);
    client = new Constructor(server.address, grpc.credentials.createInsecure(), { channelOverride: connection.channel });
    connection.clients.set(service, client);
  }
  return client;
}
