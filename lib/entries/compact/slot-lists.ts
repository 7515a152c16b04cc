/**
 * For each text id, the slots that use it, in one flat array (`items` from `start[id]` to
 * `start[id + 1]`, slots ascending). Built in two passes over the slots: count, then fill.
 */
export class SlotLists {
  private readonly start: Int32Array;
  private readonly items: Int32Array;

  private constructor(start: Int32Array, items: Int32Array) {
    this.start = start;
    this.items = items;
  }

  /** Lists for texts 0 … size-1 of slots 0 … slotCount-1; `each(slot, use)` calls `use(text)` per text a slot uses. */
  static build(size: number, slotCount: number, each: (slot: number, use: (text: number) => void) => void): SlotLists {
    const start = new Int32Array(size + 1);
    for (let slot = 0; slot < slotCount; slot++)
      each(slot, (text) => {
        start[text + 1]! += 1;
      });
    for (let id = 0; id < size; id++) start[id + 1]! += start[id]!;
    const items = new Int32Array(start[size]!);
    const fill = start.slice(0, size);
    for (let slot = 0; slot < slotCount; slot++)
      each(slot, (text) => {
        items[fill[text]!++] = slot;
      });
    return new SlotLists(start, items);
  }

  /** The lists as plain data, and back (to hand them to another thread). */
  parts(): { start: Int32Array; items: Int32Array } {
    return { start: this.start, items: this.items };
  }

  static fromParts(parts: { start: Int32Array; items: Int32Array }): SlotLists {
    return new SlotLists(parts.start, parts.items);
  }

  /** Texts covered (ids 0 … size-1). */
  get size(): number {
    return this.start.length - 1;
  }

  /** Slots listed for `text` (0 for a text past the lists). */
  count(text: number): number {
    return text < this.size ? this.start[text + 1]! - this.start[text]! : 0;
  }

  /** Calls `each(slot)` for every slot listed for `text`. */
  forEach(text: number, each: (slot: number) => void): void {
    if (text >= this.size) return;
    for (let i = this.start[text]!; i < this.start[text + 1]!; i++) each(this.items[i]!);
  }

  /** Bytes held (for the memory report). */
  get bytes(): number {
    return this.start.byteLength + this.items.byteLength;
  }
}
