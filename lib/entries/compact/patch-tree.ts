import { type DerivedTree, MISSING_PARENT, NOT_ORPHAN, UNREACHABLE } from "./derive-tree";

/** What a leaf patch reads from the index (current columns, after or before the change). */
export type LeafContext = {
  spiffe: Int32Array;
  parent: Int32Array;
  flags: Uint8Array;
  slotCount: number;
  nodeCount: number;
  childCount: (node: number) => number;
  serverNode: number;
  agentNodes: readonly number[];
};

function grow<T extends Int32Array | Float64Array | Uint8Array>(array: T, size: number, fill: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

/** Makes the derived arrays long enough for every node and slot of the index. */
function fit(d: DerivedTree, ctx: LeafContext): void {
  d.entryCount = grow(d.entryCount, ctx.nodeCount, 0);
  d.firstEntry = grow(d.firstEntry, ctx.nodeCount, -1);
  d.counts = grow(d.counts, ctx.nodeCount, -1);
  d.orphanReason = grow(d.orphanReason, ctx.slotCount, 0);
}

/**
 * Adds `delta` to the count of `node` and of every node above it, up a simple chain (one entry
 * per SPIFFE ID). Stops at a node no root reaches or that no entry holds. False when the chain
 * forks (a shared SPIFFE ID) or loops: then only a full recomputation is exact.
 */
function propagate(d: DerivedTree, ctx: LeafContext, node: number, delta: number): boolean {
  const seen = new Set<number>();
  for (let current = node; ;) {
    if (d.counts[current]! < 0) return true;
    if (seen.has(current)) return false;
    seen.add(current);
    d.counts[current] = d.counts[current]! + delta;
    const holders = d.entryCount[current]!;
    if (holders === 0) return true;
    if (holders > 1) return false;
    current = ctx.parent[d.firstEntry[current]!]!;
  }
}

function relistOrphans(d: DerivedTree, ctx: LeafContext, agentNodes: readonly number[]): void {
  const out: number[] = [];
  for (const wanted of [MISSING_PARENT, UNREACHABLE])
    for (let slot = 0; slot < ctx.slotCount; slot++) if (d.orphanReason[slot] === wanted) out.push(slot);
  d.orphans = Int32Array.from(out);
  d.roots = [ctx.serverNode, ...agentNodes, ...out.map((slot) => ctx.spiffe[slot]!)];
}

/**
 * Whether the entry in `slot` is a leaf: no entry below its SPIFFE ID, which no other entry, agent or the server holds.
 */
function isLeaf(d: DerivedTree, ctx: LeafContext, slot: number, holders: number): boolean {
  const node = ctx.spiffe[slot]!;
  return (
    node !== ctx.serverNode &&
    !ctx.agentNodes.includes(node) &&
    ctx.childCount(node) === 0 &&
    (d.entryCount[node] ?? 0) === holders
  );
}

/**
 * Updates the derived tree for a new leaf entry in `slot` (already in the columns and child
 * lists). False when the case is not a simple one; the caller then recomputes everything.
 */
export function addLeaf(d: DerivedTree, ctx: LeafContext, slot: number): boolean {
  fit(d, ctx);
  if (!isLeaf(d, ctx, slot, 0)) return false;
  const node = ctx.spiffe[slot]!;
  const parent = ctx.parent[slot]!;
  let reason = NOT_ORPHAN;
  if (parent !== ctx.serverNode && !ctx.agentNodes.includes(parent)) {
    const holders = d.entryCount[parent]!;
    if (holders > 1) return false;
    if (holders === 0) reason = MISSING_PARENT;
    else if (d.orphanReason[d.firstEntry[parent]!] === UNREACHABLE) reason = UNREACHABLE;
  }
  if (reason === NOT_ORPHAN && !propagate(d, ctx, parent, 1)) return false;
  if (reason === UNREACHABLE) return false;
  d.entryCount[node] = 1;
  d.firstEntry[node] = slot;
  d.counts[node] = 0;
  d.orphanReason[slot] = reason;
  if (reason !== NOT_ORPHAN) relistOrphans(d, ctx, ctx.agentNodes);
  return true;
}

/**
 * Updates the derived tree before the leaf entry in `slot` is removed (still in the columns and
 * child lists). False when the case is not a simple one.
 */
export function removeLeaf(d: DerivedTree, ctx: LeafContext, slot: number): boolean {
  fit(d, ctx);
  if (!isLeaf(d, ctx, slot, 1)) return false;
  const reason = d.orphanReason[slot]!;
  if (reason === UNREACHABLE) return false;
  if (reason === NOT_ORPHAN && !propagate(d, ctx, ctx.parent[slot]!, -1)) return false;
  const node = ctx.spiffe[slot]!;
  d.entryCount[node] = 0;
  d.firstEntry[node] = -1;
  d.counts[node] = -1;
  d.orphanReason[slot] = NOT_ORPHAN;
  if (reason !== NOT_ORPHAN) relistOrphans(d, ctx, ctx.agentNodes);
  return true;
}
