import type { OrphanReason } from "@/lib/entries/find-orphans";
import { orphanKind } from "@/lib/entries/orphan-kind";
import { formatDuration } from "@/lib/format/time";
import type { Agent, Entry } from "@/lib/spire/types";

import type { FindingKind } from "./cleanup-types";

export const DAY_MS = 86_400_000;

/** Why one entry is stale, by kind, in the order found (an entry can be stale for several reasons). */
export type EntryReasons = Map<FindingKind, string>;

/** How long ago `iso` was: whole days past two days, else hours, minutes and seconds. */
export function ago(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return seconds >= 2 * 86_400 ? `${Math.floor(seconds / 86_400)} days` : formatDuration(seconds);
}

/** The finding of an orphan: its parent loops, is an agent ID no agent has, or is nothing at all. */
export function orphanReason(
  parentId: string,
  reason: OrphanReason,
  trustDomain: string,
  evicted: ReadonlyMap<string, { at: string; by: string }> | undefined,
): [FindingKind, string] {
  if (reason === "unreachable")
    return ["orphan-entry", `Its parent chain ${parentId} loops without reaching an agent or the server.`];
  if (orphanKind(parentId, reason, trustDomain) === "parent-agent-evicted") {
    const by = evicted?.get(parentId);
    return [
      "parent-agent-evicted",
      by
        ? `Its parent agent ${parentId} was evicted by ${by.by} on ${by.at}; no agent can receive it.`
        : `Its parent agent ${parentId} is not attested (evicted, or never attested); no agent can receive it.`,
    ];
  }
  return [
    "orphan-entry",
    `Its parent ${parentId} is neither an attested agent, the server, nor any entry's SPIFFE ID.`,
  ];
}

/** The findings of an entry's parent agent: banned, or its SVID expired before `cutoff`. */
export function parentAgentReason(
  parent: Agent,
  now: number,
  cutoff: number,
  agentExpiredDays: number,
): [FindingKind, string] | null {
  if (parent.banned) return ["parent-agent-banned", `Its parent agent ${parent.spiffeId} is banned.`];
  const expires = parent.x509SvidExpiresAt;
  if (!expires || !(Date.parse(expires) < cutoff)) return null;
  return [
    "parent-agent-expired",
    `Its parent agent's SVID expired ${ago(expires, now)} ago (more than ${agentExpiredDays} days).`,
  ];
}

export const entryExpiredReason = (expiresAt: string, now: number): [FindingKind, string] => [
  "entry-expired",
  `It expired ${ago(expiresAt, now)} ago (expiresAt ${expiresAt}); SPIRE's registration pruner removes expired entries every 5 minutes.`,
];

export const duplicateReason = (keeps: Entry): [FindingKind, string] => [
  "duplicate-entry",
  `It duplicates entry ${keeps.id} (same SPIFFE ID, selectors and settings) under another parent (${keeps.parentId}).`,
];

/** Adds a reason unless the entry already has one of that kind. */
export function addReason(reasons: EntryReasons, [kind, text]: [FindingKind, string]): void {
  if (!reasons.has(kind)) reasons.set(kind, text);
}
