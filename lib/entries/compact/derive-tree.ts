/**
 * What the derived tree facts are computed from: the columns of the compact index and a flat
 * snapshot of its child lists (`childStart[node]` … `childStart[node + 1]` index `childItems`).
 */
export type TreeGraph = {
  nodeCount: number;
  slotCount: number;
  /** Per slot: bit 1 set when the entry is live. */
  flags: Uint8Array;
  spiffe: Int32Array;
  parent: Int32Array;
  childStart: Int32Array;
  childItems: Int32Array;
  serverNode: number;
  /** Agents' nodes, sorted by SPIFFE ID. */
  agentNodes: readonly number[];
  /** Per node: 1 for an agent. */
  agentFlags: Uint8Array;
};

export const NOT_ORPHAN = 0;
export const MISSING_PARENT = 1;
export const UNREACHABLE = 2;

/** Facts recomputed after a structural change: who has which SPIFFE ID, orphans, subtree counts. */
export type DerivedTree = {
  /** Live entries per SPIFFE ID, and the first of them in slot order (-1 for none). */
  entryCount: Int32Array;
  firstEntry: Int32Array;
  /** Per slot: NOT_ORPHAN, MISSING_PARENT or UNREACHABLE. */
  orphanReason: Uint8Array;
  /** Orphan slots: missing parents first, then unreachable ones, each in slot order. */
  orphans: Int32Array;
  /** The roots subtree counts start from: the server, the agents, the orphans' SPIFFE IDs. */
  roots: number[];
  /** Entries below each node (-1 when never reached). */
  counts: Float64Array;
};

function countEntries(g: TreeGraph): { entryCount: Int32Array; firstEntry: Int32Array } {
  const entryCount = new Int32Array(g.nodeCount);
  const firstEntry = new Int32Array(g.nodeCount).fill(-1);
  for (let slot = 0; slot < g.slotCount; slot++) {
    if ((g.flags[slot]! & 1) === 0) continue;
    const node = g.spiffe[slot]!;
    if (entryCount[node] === 0) firstEntry[node] = slot;
    entryCount[node] = entryCount[node]! + 1;
  }
  return { entryCount, firstEntry };
}

/**
 * Orphans exactly as `findOrphans` finds them: a parent that is neither the server, an agent nor
 * any entry's SPIFFE ID (`missing-parent`), or a chain that never reaches one (`unreachable`).
 */
function findCompactOrphans(g: TreeGraph, entryCount: Int32Array): Uint8Array {
  const reason = new Uint8Array(g.slotCount);
  const reached = new Uint8Array(g.slotCount);
  const seen = new Uint8Array(g.nodeCount);
  const queue = new Int32Array(g.nodeCount + 1);
  let length = 0;
  const visit = (node: number) => {
    if (seen[node]) return;
    seen[node] = 1;
    queue[length++] = node;
  };
  visit(g.serverNode);
  for (const node of g.agentNodes) visit(node);
  for (let slot = 0; slot < g.slotCount; slot++) {
    if ((g.flags[slot]! & 1) === 0) continue;
    const parent = g.parent[slot]!;
    if (parent === g.serverNode || g.agentFlags[parent] === 1 || entryCount[parent]! > 0) continue;
    reason[slot] = MISSING_PARENT;
    reached[slot] = 1;
    visit(g.spiffe[slot]!);
  }
  while (length > 0) {
    const node = queue[--length]!;
    for (let i = g.childStart[node]!, end = g.childStart[node + 1]!; i < end; i++) {
      const child = g.childItems[i]!;
      reached[child] = 1;
      visit(g.spiffe[child]!);
    }
  }
  for (let slot = 0; slot < g.slotCount; slot++) {
    if ((g.flags[slot]! & 1) !== 0 && !reached[slot]) reason[slot] = UNREACHABLE;
  }
  return reason;
}

function listOrphans(g: TreeGraph, reason: Uint8Array): Int32Array {
  const out: number[] = [];
  for (const wanted of [MISSING_PARENT, UNREACHABLE])
    for (let slot = 0; slot < g.slotCount; slot++) if (reason[slot] === wanted) out.push(slot);
  return Int32Array.from(out);
}

/**
 * Weighted descendant counts per node, the same walk as `countSubtrees` (same roots, same child
 * order, same handling of cycles) on typed arrays. `weights[slot]` is 1 or 0; null counts all.
 */
export function countCompactSubtrees(g: TreeGraph, roots: readonly number[], weights: Uint8Array | null): Float64Array {
  const counts = new Float64Array(g.nodeCount).fill(-1);
  const onStack = new Uint8Array(g.nodeCount);
  const stackNode = new Int32Array(g.nodeCount + 1);
  const stackNext = new Int32Array(g.nodeCount + 1);
  const stackSum = new Float64Array(g.nodeCount + 1);
  const { childStart, childItems, spiffe } = g;
  for (const root of roots) {
    if (counts[root]! >= 0) continue;
    let top = 0;
    stackNode[0] = root;
    stackNext[0] = childStart[root]!;
    stackSum[0] = 0;
    onStack[root] = 1;
    while (top >= 0) {
      const node = stackNode[top]!;
      const at = stackNext[top]!;
      if (at < childStart[node + 1]!) {
        stackNext[top] = at + 1;
        const child = childItems[at]!;
        const next = spiffe[child]!;
        const known = counts[next]!;
        let sum = stackSum[top]! + (weights ? weights[child]! : 1);
        if (known >= 0) sum += known;
        stackSum[top] = sum;
        if (known < 0 && !onStack[next]) {
          onStack[next] = 1;
          top += 1;
          stackNode[top] = next;
          stackNext[top] = childStart[next]!;
          stackSum[top] = 0;
        }
        continue;
      }
      onStack[node] = 0;
      const total = stackSum[top]!;
      counts[node] = total;
      top -= 1;
      if (top >= 0) stackSum[top] = stackSum[top]! + total;
    }
  }
  return counts;
}

/** Recomputes every derived fact of the tree in a few linear passes. */
export function deriveTree(g: TreeGraph): DerivedTree {
  const { entryCount, firstEntry } = countEntries(g);
  const orphanReason = findCompactOrphans(g, entryCount);
  const orphans = listOrphans(g, orphanReason);
  const roots = [g.serverNode, ...g.agentNodes, ...Array.from(orphans, (slot) => g.spiffe[slot]!)];
  return { entryCount, firstEntry, orphanReason, orphans, roots, counts: countCompactSubtrees(g, roots, null) };
}
