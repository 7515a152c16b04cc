import "server-only";

import { BlockList, isIP } from "node:net";

import type { AuthSettings } from "./settings";

/** Where a request came from and which origin it was sent to, with proxies taken into account. */
export type RequestInfo = {
  /** The TCP peer (from the server/request-hook.mjs hook), or null when unknown. */
  peer: string | null;
  /** True when the peer is one of the configured trusted proxies. */
  viaTrustedProxy: boolean;
  /** The client: the peer, or the address a trusted proxy forwarded for. */
  clientAddress: string | null;
  /** The Host the client asked for (X-Forwarded-Host only from a trusted proxy). */
  host: string;
  proto: "http" | "https";
};

const blockLists = new Map<string, BlockList>();

/** True when `address` matches one of the IPs/CIDRs. IPv4-mapped IPv6 addresses count as IPv4. */
export function addressMatches(address: string | null, ranges: readonly string[]): boolean {
  if (!address || ranges.length === 0) return false;
  const key = ranges.join(",");
  let list = blockLists.get(key);
  if (!list) {
    list = new BlockList();
    for (const range of ranges) {
      const [ip, bits] = range.split("/") as [string, string | undefined];
      const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
      if (bits === undefined) list.addAddress(ip, family);
      else list.addSubnet(ip, Number(bits), family);
    }
    blockLists.set(key, list);
  }
  const plain = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  const family = isIP(plain);
  return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
}

function peerOf(headers: Headers): string | null {
  const key = process.env.__SPIRE_CONSOLE_PEER_KEY;
  const value = headers.get("x-spire-console-peer");
  if (!key || !value) return null;
  const [sent, address] = value.split(" ");
  return sent === key && address ? address : null;
}

/** The last address of X-Forwarded-For that is not itself a trusted proxy (the real client). */
function forwardedClient(headers: Headers, trusted: readonly string[]): string | null {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!addressMatches(hops[i]!, trusted)) return hops[i]!;
  }
  return hops[0] ?? null;
}

/** Reads the request's peer, client address, host and scheme, believing X-Forwarded-* only from trusted proxies. */
export function readRequestInfo(headers: Headers, settings: Pick<AuthSettings, "trustedProxies">): RequestInfo {
  const peer = peerOf(headers);
  const viaTrustedProxy = addressMatches(peer, settings.trustedProxies);
  const host = (viaTrustedProxy && headers.get("x-forwarded-host")) || headers.get("host") || "";
  const forwardedProto = viaTrustedProxy ? headers.get("x-forwarded-proto") : null;
  return {
    peer,
    viaTrustedProxy,
    clientAddress: (viaTrustedProxy ? forwardedClient(headers, settings.trustedProxies) : null) ?? peer,
    host: host.split(",")[0]!.trim().toLowerCase(),
    proto: forwardedProto === "https" ? "https" : "http",
  };
}

/** The hosts the console answers to: the public origin's, else localhost and 127.0.0.1 on its port. */
export function allowedHosts(publicOrigin: string | null, port = process.env.PORT): string[] {
  if (publicOrigin) return [new URL(publicOrigin).host];
  const p = port || "3000";
  return [`localhost:${p}`, `127.0.0.1:${p}`, `[::1]:${p}`];
}

/** The origin this request's links, redirects and CSRF checks are based on. */
export function requestOrigin(info: RequestInfo, publicOrigin: string | null): string {
  return publicOrigin ?? `${info.proto}://${info.host}`;
}

/** Why the request's Host is not one the console answers to (DNS rebinding guard), or null. */
export function hostProblem(info: RequestInfo, settings: Pick<AuthSettings, "publicOrigin">): string | null {
  const allowed = allowedHosts(settings.publicOrigin);
  return allowed.includes(info.host)
    ? null
    : `The console does not answer to the host '${info.host.slice(0, 100)}'; use ${allowed.join(" or ")}.`;
}

/** Private, shared, link-local and loopback ranges: where an ingress or load balancer usually sits. */
const PRIVATE_RANGES = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "100.64.0.0/10",
  "169.254.0.0/16",
  "127.0.0.0/8",
  "fc00::/7",
  "fe80::/10",
  "::1",
];
let warnedUntrusted = false;

/**
 * Warns once (the first time it happens) when a private peer that is not in `trustedProxies`
 * sends X-Forwarded-For: most likely an ingress the config does not list, so the console sees the
 * ingress as every request's client (audit records, per-address rate limits). Returns whether it warned.
 */
export function warnUntrustedForwarding(headers: Headers, info: RequestInfo): boolean {
  if (warnedUntrusted || info.viaTrustedProxy || !info.peer) return false;
  // Next.js itself sets X-Forwarded-For to the peer when a request has none: only another address is news.
  const forwarded = headers.get("x-forwarded-for")?.trim();
  const peer = info.peer.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  if (!forwarded || forwarded === info.peer || forwarded === peer) return false;
  if (!addressMatches(info.peer, PRIVATE_RANGES)) return false;
  warnedUntrusted = true;
  console.warn(
    `[auth] WARNING: ${info.peer} sent X-Forwarded-For but is not in trustedProxies, so the header is not believed ` +
      `and ${info.peer} counts as the client of its requests (audit records, per-address rate limits). If an ingress ` +
      `or load balancer is in front of the console, list its addresses in trustedProxies.`,
  );
  return true;
}
