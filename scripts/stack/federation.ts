// Federates two stack servers both ways (https_spiffe profile), refreshes the bundles
// and checks that each server holds the other's bundle.
import type { SpireBinaries } from "./build-spire.ts";
import { say, StackError } from "./log.ts";
import type { StackPaths } from "./paths.ts";
import { getServerPaths } from "./paths.ts";
import type { PortMap } from "./ports.ts";
import { sleep } from "./process.ts";
import { runServerCli, runServerCliJson } from "./spire-cli.ts";
import type { ServerSpec } from "./topology.ts";

interface RelationshipList {
  federation_relationships?: { trust_domain: string; bundle_endpoint_url: string }[];
}

interface BundleList {
  bundles?: { trust_domain: string }[];
}

/**
 * Makes `self` federate with `other`: creates (or re-points) the relationship. If
 * `other` has a new datastore (new CA), its bundle is set again, since https_spiffe
 * refresh authenticates the endpoint with the bundle `self` already holds.
 */
async function ensureRelationship(
  paths: StackPaths,
  bin: SpireBinaries,
  ports: PortMap,
  self: ServerSpec,
  other: ServerSpec,
  otherIsFresh: boolean,
): Promise<void> {
  const socket = getServerPaths(paths, self.name).socketPath;
  const bundlePath = getServerPaths(paths, other.name).bundleSpiffePath;
  const url = `https://127.0.0.1:${ports[other.name]?.bundleEndpointPort}`;
  const list = await runServerCliJson<RelationshipList>(bin.spireServer, socket, ["federation", "list"]);
  const existing = list.federation_relationships?.find((r) => r.trust_domain === other.trustDomain);
  if (existing && otherIsFresh) {
    await runServerCli(bin.spireServer, socket, [
      "bundle",
      "set",
      "-id",
      `spiffe://${other.trustDomain}`,
      "-path",
      bundlePath,
      "-format",
      "spiffe",
    ]);
    say(`${self.name}: ${other.name} has a new CA; replaced its ${other.trustDomain} bundle`);
  }
  if (existing?.bundle_endpoint_url === url) return;
  const verb = existing ? "update" : "create";
  await runServerCli(bin.spireServer, socket, [
    "federation",
    verb,
    "-trustDomain",
    other.trustDomain,
    "-bundleEndpointURL",
    url,
    "-bundleEndpointProfile",
    "https_spiffe",
    "-endpointSpiffeID",
    `spiffe://${other.trustDomain}/spire/server`,
    "-trustDomainBundlePath",
    bundlePath,
    "-trustDomainBundleFormat",
    "spiffe",
  ]);
  say(`${self.name}: ${verb}d federation with ${other.trustDomain} (https_spiffe, ${url})`);
}

/** Refreshes `other`'s bundle on `self` (retrying while its endpoint starts) and verifies it is held. */
async function refreshAndVerify(
  paths: StackPaths,
  bin: SpireBinaries,
  self: ServerSpec,
  other: ServerSpec,
): Promise<void> {
  const socket = getServerPaths(paths, self.name).socketPath;
  let lastError = "";
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await runServerCli(bin.spireServer, socket, ["federation", "refresh", "-id", other.trustDomain]);
      const list = await runServerCliJson<BundleList>(bin.spireServer, socket, ["bundle", "list"]);
      if (list.bundles?.some((b) => b.trust_domain === other.trustDomain)) return;
      lastError = `bundle list on ${self.name} has no ${other.trustDomain} bundle`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await sleep(500);
  }
  throw new StackError(`${self.name} could not refresh the ${other.trustDomain} bundle: ${lastError}`);
}

/** Federation both ways between `a` and `b`, then refresh + verify on each side. */
export async function ensureFederation(
  paths: StackPaths,
  bin: SpireBinaries,
  ports: PortMap,
  [a, b]: [ServerSpec, ServerSpec],
  freshServers: ReadonlySet<string>,
): Promise<void> {
  await ensureRelationship(paths, bin, ports, a, b, freshServers.has(b.name));
  await ensureRelationship(paths, bin, ports, b, a, freshServers.has(a.name));
  await Promise.all([refreshAndVerify(paths, bin, a, b), refreshAndVerify(paths, bin, b, a)]);
  say(`federation ok: ${a.trustDomain} <-> ${b.trustDomain} (each holds the other's bundle)`);
}
