import type { CompactEntryIndex } from "@/lib/entries/compact/compact-index";

/**
 * Parent IDs under the trust domain's `/spire/agent/` that no attested agent has, in the order the
 * index's entries first use them (read per distinct parent, no entry built).
 */
export function missingAgentParents(index: CompactEntryIndex): string[] {
  const c = index.columns;
  const prefix = `spiffe://${index.trustDomain}/spire/agent/`;
  const seen = new Uint8Array(c.nodes.size);
  const out: string[] = [];
  for (let slot = 0; slot < c.slotCount; slot++) {
    const node = c.parent.data[slot]!;
    if (!c.isLive(slot) || seen[node]) continue;
    seen[node] = 1;
    const parentId = c.nodes.text(node);
    if (parentId.startsWith(prefix) && !index.agentById.has(parentId)) out.push(parentId);
  }
  return out;
}
