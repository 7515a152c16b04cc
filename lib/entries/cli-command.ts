import type { EntryInput } from "@/lib/schemas/entry-input";
import { serverSpiffeId } from "@/lib/schemas/spiffe-id";

/** Quotes one shell word only when it needs it (POSIX single quotes). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** True when `parentId` is the SPIRE server of the SPIFFE ID's trust domain (a node entry). */
export function isNodeEntryParent(spiffeId: string, parentId: string): boolean {
  const td = /^spiffe:\/\/([^/]+)/.exec(spiffeId)?.[1];
  return td !== undefined && parentId === serverSpiffeId(td);
}

/**
 * The `spire-server entry create` command line that creates the same entry, one flag per line.
 * A node entry (parent = the server) is written with `-node`, like the CLI's own docs.
 */
export function entryCreateCommand(input: EntryInput, options: { socketPath?: string } = {}): string {
  const flags: [string, string?][] = [];
  if (options.socketPath) flags.push(["-socketPath", options.socketPath]);
  flags.push(["-spiffeID", input.spiffeId]);
  if (isNodeEntryParent(input.spiffeId, input.parentId)) flags.push(["-node"]);
  else flags.push(["-parentID", input.parentId]);
  for (const s of input.selectors) flags.push(["-selector", `${s.type}:${s.value}`]);
  if (input.x509SvidTtl) flags.push(["-x509SVIDTTL", String(input.x509SvidTtl)]);
  if (input.jwtSvidTtl) flags.push(["-jwtSVIDTTL", String(input.jwtSvidTtl)]);
  for (const td of input.federatesWith ?? [])
    flags.push(["-federatesWith", td.startsWith("spiffe://") ? td : `spiffe://${td}`]);
  for (const dns of input.dnsNames ?? []) flags.push(["-dns", dns]);
  if (input.admin) flags.push(["-admin"]);
  if (input.downstream) flags.push(["-downstream"]);
  if (input.storeSvid) flags.push(["-storeSVID"]);
  if (input.hint) flags.push(["-hint", input.hint]);
  if (input.expiresAt) flags.push(["-entryExpiry", String(Math.floor(Date.parse(input.expiresAt) / 1000))]);
  if (input.additionalAttributes?.disableX509SvidPrefetch) flags.push(["-disableX509SVIDPrefetch"]);
  if (input.additionalAttributes?.jwtSvidIncludeJti) flags.push(["-jwtSVIDIncludeJTI"]);
  const lines = flags.map(([flag, value]) => (value === undefined ? flag : `${flag} ${shellQuote(value)}`));
  return ["spire-server entry create", ...lines].join(" \\\n  ");
}
