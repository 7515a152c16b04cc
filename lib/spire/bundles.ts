import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { callUnary, collectPages } from "./call";
import { toBundle } from "./mappers";
import type { PbBundle } from "./proto-types";
import type { Bundle } from "./types";

/** The server's own trust bundle (its X.509 and JWT authorities). */
export async function getBundle(server: ServerConfig): Promise<Bundle> {
  return toBundle(await callUnary<PbBundle>(server, "bundle", "getBundle", {}));
}

/** Every federated bundle the server holds (one per foreign trust domain, so bounded). */
export async function listFederatedBundles(server: ServerConfig): Promise<Bundle[]> {
  const bundles = await collectPages((pageToken) =>
    callUnary<{ bundles: PbBundle[]; nextPageToken: string }>(server, "bundle", "listFederatedBundles", {
      pageSize: 200,
      pageToken,
    }).then((r) => ({ items: r.bundles, nextPageToken: r.nextPageToken })),
  );
  return bundles.map(toBundle);
}
