import "server-only";

import type { Bundle } from "@/lib/spire/types";

type Seen = { version: string; changedAt: number | null };

// On globalThis so every route bundle of the Next server shares one record.
const globalForSeen = globalThis as typeof globalThis & { __spireBundleVersionSeen?: Map<string, Seen> };
const seen = (globalForSeen.__spireBundleVersionSeen ??= new Map());

/**
 * What identifies a version of the partner's bundle as the subscriber holds it: its sequence number and its
 * authorities (SPIRE stores a fetched federated bundle with sequence number 0, so the authorities carry the change).
 */
function bundleVersion(bundle: Bundle): string {
  const x509 = bundle.x509Authorities.map((a) => a.fingerprint).sort();
  const keys = [...bundle.jwtAuthorities, ...bundle.witAuthorities].map((a) => a.keyId).sort();
  return JSON.stringify([bundle.sequenceNumber, x509, keys]);
}

/**
 * Notes the bundle `server` holds for `trustDomain` and answers its sequence number and when this console process saw
 * that bundle change (its sequence number or authorities); null while unchanged since the console first looked.
 */
export function noteBundleVersion(
  server: string,
  trustDomain: string,
  bundle: Bundle | null,
  now: number,
): { number: string | null; changedAt: number | null } {
  if (!bundle) return { number: null, changedAt: null };
  const key = `${server}|${trustDomain}`;
  const version = bundleVersion(bundle);
  const before = seen.get(key);
  if (!before) seen.set(key, { version, changedAt: null });
  else if (before.version !== version) seen.set(key, { version, changedAt: now });
  return { number: bundle.sequenceNumber, changedAt: seen.get(key)!.changedAt };
}
