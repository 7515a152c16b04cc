import { int32s } from "./growable";

/** Display order of two slots (SPIFFE ID, then entry ID); 0 only for the same entry. */
export type SlotOrder = (a: number, b: number) => number;

type Overlay = { items: Int32Array; length: number };

/**
 * The entries parented to each SPIFFE ID (a node), in display order. Built once as one flat array
 * with a start offset per node (CSR); a node changed afterwards gets its own growable copy
 * (overlay), so a patch costs one binary search and one shift of that node's list.
 */
export class ChildLists {
  private start = new Int32Array(1);
  private items = new Int32Array(0);
  private readonly overlayOf = int32s(1024, -1);
  private readonly overlays: Overlay[] = [];

  /** Groups the live slots (flag bit 1) by parent node (counting sort) and sorts each group. */
  build(nodeCount: number, slots: number, parentOf: Int32Array, flags: Uint8Array, order: SlotOrder) {
    const isLive = (slot: number) => (flags[slot]! & 1) !== 0;
    const start = new Int32Array(nodeCount + 1);
    for (let slot = 0; slot < slots; slot++) if (isLive(slot)) start[parentOf[slot]! + 1]! += 1;
    for (let node = 0; node < nodeCount; node++) start[node + 1]! += start[node]!;
    const items = new Int32Array(start[nodeCount]!);
    const fill = start.slice(0, nodeCount);
    for (let slot = 0; slot < slots; slot++) if (isLive(slot)) items[fill[parentOf[slot]!]!++] = slot;
    for (let node = 0; node < nodeCount; node++) {
      if (start[node + 1]! - start[node]! > 1) items.subarray(start[node]!, start[node + 1]!).sort(order);
    }
    this.start = start;
    this.items = items;
  }

  /** Takes lists built elsewhere (`snapshot()` of a built index, e.g. from a worker thread). */
  adopt(start: Int32Array<ArrayBuffer>, items: Int32Array<ArrayBuffer>): void {
    this.start = start;
    this.items = items;
  }

  private overlay(node: number): Overlay | undefined {
    const at = node < this.overlayOf.data.length ? this.overlayOf.data[node]! : -1;
    return at >= 0 ? this.overlays[at] : undefined;
  }

  /** Number of entries parented to `node`. */
  count(node: number): number {
    const own = this.overlay(node);
    if (own) return own.length;
    return node + 1 < this.start.length ? this.start[node + 1]! - this.start[node]! : 0;
  }

  /** The `i`-th child slot of `node` (0 ≤ i < count). */
  at(node: number, i: number): number {
    const own = this.overlay(node);
    return own ? own.items[i]! : this.items[this.start[node]! + i]!;
  }

  /** The child slots of `node` as a view (do not keep it across patches). */
  list(node: number): Int32Array {
    const own = this.overlay(node);
    if (own) return own.items.subarray(0, own.length);
    if (node + 1 >= this.start.length) return this.items.subarray(0, 0);
    return this.items.subarray(this.start[node]!, this.start[node + 1]!);
  }

  private ownList(node: number, extra: number): Overlay {
    let own = this.overlay(node);
    if (!own) {
      const current = this.list(node);
      const items = new Int32Array(Math.max(8, Math.ceil(current.length * 1.25) + extra));
      items.set(current);
      own = { items, length: current.length };
      this.overlayOf.set(node, this.overlays.length);
      this.overlays.push(own);
    } else if (own.length + extra > own.items.length) {
      const items = new Int32Array(Math.ceil((own.length + extra) * 1.5));
      items.set(own.items.subarray(0, own.length));
      own.items = items;
    }
    return own;
  }

  /**
   * Every node's children as one flat array with start offsets (overlays merged in), for passes
   * over the whole tree. Without overlays this is the built array itself, not a copy.
   */
  snapshot(nodeCount: number): { start: Int32Array; items: Int32Array } {
    if (this.overlays.length === 0 && this.start.length === nodeCount + 1)
      return { start: this.start, items: this.items };
    const start = new Int32Array(nodeCount + 1);
    for (let node = 0; node < nodeCount; node++) start[node + 1] = start[node]! + this.count(node);
    const items = new Int32Array(start[nodeCount]!);
    for (let node = 0; node < nodeCount; node++) items.set(this.list(node), start[node]!);
    return { start, items };
  }

  /** First position in `node`'s list whose slot does not sort before `slot`. */
  private lowerBound(own: Overlay, slot: number, order: SlotOrder): number {
    let lo = 0;
    let hi = own.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (order(own.items[mid]!, slot) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds `slot` to `node`'s children at its place in display order. */
  insert(node: number, slot: number, order: SlotOrder): void {
    const own = this.ownList(node, 1);
    const at = this.lowerBound(own, slot, order);
    own.items.copyWithin(at + 1, at, own.length);
    own.items[at] = slot;
    own.length += 1;
  }

  /** Removes `slot` from `node`'s children; call it while the slot still has its old sort keys. */
  remove(node: number, slot: number, order: SlotOrder): void {
    const own = this.ownList(node, 0);
    let at = this.lowerBound(own, slot, order);
    if (own.items[at] !== slot) at = own.items.subarray(0, own.length).indexOf(slot);
    if (at < 0) return;
    own.items.copyWithin(at, at + 1, own.length);
    own.length -= 1;
  }
}
