import "server-only";

import * as grpc from "@grpc/grpc-js";

import { loadProtoPackage } from "@/lib/spire/load-protos";

/** Metadata every Workload API call must carry; the agent refuses calls without it. */
export const WORKLOAD_API_HEADER = "workload.spiffe.io";

let constructor: grpc.ServiceClientConstructor | undefined;

/** The SpiffeWorkloadAPI client constructor, from our proto/spiffe/workload/workload.proto. */
function workloadApiConstructor(): grpc.ServiceClientConstructor {
  if (!constructor) {
    constructor = loadProtoPackage("spiffe/workload/workload.proto").SpiffeWorkloadAPI as grpc.ServiceClientConstructor;
  }
  return constructor;
}

/** A Workload API client on a local agent's Unix socket (plain gRPC: the socket is the boundary). */
export function createWorkloadApiClient(socketPath: string): grpc.Client {
  const Client = workloadApiConstructor();
  return new Client(`unix://${socketPath}`, grpc.credentials.createInsecure(), {
    "grpc.initial_reconnect_backoff_ms": 250,
    "grpc.max_reconnect_backoff_ms": 2_000,
  });
}

/** Opens the FetchX509SVID stream with the required `workload.spiffe.io: true` metadata. */
export function fetchX509Svid(client: grpc.Client): grpc.ClientReadableStream<unknown> {
  const metadata = new grpc.Metadata();
  metadata.set(WORKLOAD_API_HEADER, "true");
  const method = (
    client as unknown as Record<string, (req: object, md: grpc.Metadata) => grpc.ClientReadableStream<unknown>>
  ).FetchX509SVID;
  if (!method) throw new Error("SpiffeWorkloadAPI.FetchX509SVID is not in proto/");
  return method.call(client, {}, metadata);
}
