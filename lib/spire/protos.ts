import "server-only";

import type * as grpc from "@grpc/grpc-js";

import { loadProtoPackage } from "@/lib/spire/load-protos";

/** The services the console calls, by the name we use for them. */
export const serviceNames = {
  entry: "spire.api.server.entry.v1.Entry",
  agent: "spire.api.server.agent.v1.Agent",
  bundle: "spire.api.server.bundle.v1.Bundle",
  trustDomain: "spire.api.server.trustdomain.v1.TrustDomain",
  localAuthority: "spire.api.server.localauthority.v1.LocalAuthority",
  debug: "spire.api.server.debug.v1.Debug",
  health: "grpc.health.v1.Health",
} as const;

export type ServiceName = keyof typeof serviceNames;

const protoFiles = [
  "spire/api/server/entry/v1/entry.proto",
  "spire/api/server/agent/v1/agent.proto",
  "spire/api/server/bundle/v1/bundle.proto",
  "spire/api/server/trustdomain/v1/trustdomain.proto",
  "spire/api/server/localauthority/v1/localauthority.proto",
  "spire/api/server/debug/v1/debug.proto",
  "grpc/health/v1/health.proto",
];

let loaded: grpc.GrpcObject | undefined;

/** Loads proto/ once per process and returns the gRPC package tree. */
function loadProtos(): grpc.GrpcObject {
  if (!loaded) {
    loaded = loadProtoPackage(protoFiles);
  }
  return loaded;
}

/** The client constructor of one SPIRE service. */
export function serviceConstructor(name: ServiceName): grpc.ServiceClientConstructor {
  let node: unknown = loadProtos();
  for (const part of serviceNames[name].split(".")) {
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== "function") throw new Error(`service ${serviceNames[name]} missing from proto/`);
  return node as grpc.ServiceClientConstructor;
}
