import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { callUnary, collectPages } from "./call";
import { toFederationRelationship } from "./mappers";
import type { PbFederationRelationship } from "./proto-types";
import type { FederationRelationship } from "./types";

/** Every federation relationship the server has (one per foreign trust domain, so bounded). */
export async function listFederationRelationships(server: ServerConfig): Promise<FederationRelationship[]> {
  const relationships = await collectPages((pageToken) =>
    callUnary<{ federationRelationships: PbFederationRelationship[]; nextPageToken: string }>(
      server,
      "trustDomain",
      "listFederationRelationships",
      { pageSize: 200, pageToken },
    ).then((r) => ({ items: r.federationRelationships, nextPageToken: r.nextPageToken })),
  );
  return relationships.map(toFederationRelationship);
}

/** Makes the server fetch `trustDomain`'s bundle from its bundle endpoint now. */
export async function refreshFederatedBundle(server: ServerConfig, trustDomain: string): Promise<void> {
  await callUnary(server, "trustDomain", "refreshBundle", { trustDomain });
}
