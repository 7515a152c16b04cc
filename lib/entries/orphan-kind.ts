import type { OrphanReason } from "./find-orphans";

/**
 * The one taxonomy of entries the tree cannot hang below the server, used by the Overview and the
 * Clean-up alike: an entry whose parent is an agent ID no attested agent has (the agent was
 * evicted, or never attested), and any other orphan (a parent that is nothing, a parent cycle).
 */
export type OrphanKind = "orphan-entry" | "parent-agent-evicted";

export const orphanKinds: readonly OrphanKind[] = ["orphan-entry", "parent-agent-evicted"];

/** How each kind is named: a short label (Clean-up's badge), the counted noun and what it means. */
export const orphanKindWords: Record<OrphanKind, { label: string; one: string; many: string; detail: string }> = {
  "orphan-entry": {
    label: "orphan entry",
    one: "orphan entry",
    many: "orphan entries",
    detail: "Their parent is neither the server, an attested agent, nor any entry's SPIFFE ID (or their parents loop).",
  },
  "parent-agent-evicted": {
    label: "parent agent gone",
    one: "entry whose parent agent is gone",
    many: "entries whose parent agent is gone",
    detail: "Their parent is an agent ID no attested agent has (evicted, or never attested): no agent receives them.",
  },
};

/** The kind of one orphan, from its parent ID and why the tree could not place it. */
export function orphanKind(parentId: string, reason: OrphanReason, trustDomain: string): OrphanKind {
  return reason === "missing-parent" && parentId.startsWith(`spiffe://${trustDomain}/spire/agent/`)
    ? "parent-agent-evicted"
    : "orphan-entry";
}

/** How many orphans of each kind. */
export function countOrphanKinds(
  orphans: Iterable<{ parentId: string; reason: OrphanReason }>,
  trustDomain: string,
): Record<OrphanKind, number> {
  const counts: Record<OrphanKind, number> = { "orphan-entry": 0, "parent-agent-evicted": 0 };
  for (const o of orphans) counts[orphanKind(o.parentId, o.reason, trustDomain)] += 1;
  return counts;
}
