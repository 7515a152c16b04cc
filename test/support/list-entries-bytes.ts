// ListEntries answers as the protobuf bytes SPIRE sends, made with protobufjs (through
// @grpc/proto-loader, as the console's gRPC client reads them), for tests of the byte decoder and
// of the entry walk's worker thread.
import path from "node:path";

import * as protoLoader from "@grpc/proto-loader";

import { toPbSpiffeId } from "../../lib/spire/mappers";
import type { Entry } from "../../lib/spire/types";

const definition = protoLoader.loadSync("spire/api/server/entry/v1/entry.proto", {
  includeDirs: [path.join(import.meta.dirname, "../../proto")],
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const listEntries = (definition["spire.api.server.entry.v1.Entry"] as protoLoader.ServiceDefinition).ListEntries!;

const seconds = (iso: string | null) => (iso ? String(Date.parse(iso) / 1000) : "0");

/** An entry as SPIRE sends it (IDs as messages, times in epoch seconds); `pb` overrides fields. */
export function toPbEntry(entry: Entry, pb: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...entry,
    spiffeId: toPbSpiffeId(entry.spiffeId),
    parentId: toPbSpiffeId(entry.parentId),
    expiresAt: seconds(entry.expiresAt),
    createdAt: seconds(entry.createdAt),
    revisionNumber: String(entry.revisionNumber),
    ...pb,
  };
}

/** The bytes of one ListEntriesResponse. */
export function listEntriesBytes(entries: readonly Record<string, unknown>[], nextPageToken: string): Uint8Array {
  return listEntries.responseSerialize({ entries, nextPageToken });
}

/** What protobufjs decodes from those bytes (the objects the console's mappers take). */
export function decodeListEntries(bytes: Uint8Array): { entries: unknown[]; nextPageToken: string } {
  return listEntries.responseDeserialize(Buffer.from(bytes)) as { entries: unknown[]; nextPageToken: string };
}
