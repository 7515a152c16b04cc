import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { callUnary, collectPages } from "./call";
import { type ItemStatus, toItemStatus } from "./entry-mutations";
import { toFederationRelationship, toPbFederationRelationship } from "./mappers";
import type { PbFederationRelationship, PbStatus } from "./proto-types";
import type { FederationRelationship } from "./types";

/** A relationship to create or update: its trust domain, bundle endpoint URL and profile (no bundle). */
export type FederationRelationshipInput = Parameters<typeof toPbFederationRelationship>[0];
/** The outcome of one relationship of a batch call, in request order. */
export type FederationItemResult = { trustDomain: string; status: ItemStatus };

type PbRelationshipResult = { status: PbStatus | null; federationRelationship?: PbFederationRelationship | null };

const itemResults = (trustDomains: string[], results: { status: PbStatus | null }[]): FederationItemResult[] =>
  trustDomains.map((trustDomain, i) => {
    const result = results[i];
    if (!result) return { trustDomain, status: { code: "internal", message: "SPIRE returned no result" } };
    return { trustDomain, status: toItemStatus(result.status) };
  });

/** One BatchCreate/BatchUpdateFederationRelationship call; one result per input, in order. */
async function writeRelationships(
  server: ServerConfig,
  method: "batchCreateFederationRelationship" | "batchUpdateFederationRelationship",
  inputs: FederationRelationshipInput[],
): Promise<FederationItemResult[]> {
  if (inputs.length === 0) return [];
  // An update changes the bundle endpoint URL and profile only: the bundle stays as the server holds it.
  const mask = { bundleEndpointUrl: true, bundleEndpointProfile: true, trustDomainBundle: false };
  const response = await callUnary<{ results: PbRelationshipResult[] }>(server, "trustDomain", method, {
    federationRelationships: inputs.map(toPbFederationRelationship),
    ...(method === "batchUpdateFederationRelationship" ? { inputMask: mask } : {}),
  });
  return itemResults(
    inputs.map((i) => i.trustDomain),
    response.results,
  );
}

/** Creates relationships with one BatchCreateFederationRelationship call; one result per input, in order. */
export function batchCreateFederationRelationships(server: ServerConfig, inputs: FederationRelationshipInput[]) {
  return writeRelationships(server, "batchCreateFederationRelationship", inputs);
}

/**
 * Updates the bundle endpoint URL and profile of relationships (BatchUpdateFederationRelationship
 * with an input mask of those two; the bundle is left as the server holds it). One result per input.
 */
export function batchUpdateFederationRelationships(server: ServerConfig, inputs: FederationRelationshipInput[]) {
  return writeRelationships(server, "batchUpdateFederationRelationship", inputs);
}

/** Deletes the relationships with these trust domains (BatchDeleteFederationRelationship); one result each. */
export async function batchDeleteFederationRelationships(
  server: ServerConfig,
  trustDomains: string[],
): Promise<FederationItemResult[]> {
  if (trustDomains.length === 0) return [];
  const response = await callUnary<{ results: { status: PbStatus | null; trustDomain: string }[] }>(
    server,
    "trustDomain",
    "batchDeleteFederationRelationship",
    { trustDomains },
  );
  return itemResults(trustDomains, response.results);
}

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
