type NumberArray = Int32Array | Float64Array | Uint8Array;
type ArrayType<T extends NumberArray> = { new (length: number): T };

/**
 * A typed array that grows (doubling) as it is written past its end; `data` may be replaced by a
 * larger copy on growth, so read it through the owner, not from a saved reference.
 */
export class Growable<T extends NumberArray> {
  data: T;
  private readonly type: ArrayType<T>;
  private readonly fill: number;

  constructor(type: ArrayType<T>, capacity: number, fill = 0) {
    this.type = type;
    this.fill = fill;
    this.data = new type(Math.max(16, capacity));
    if (fill !== 0) this.data.fill(fill);
  }

  /** Makes room for index `at` (and at least one more slot after it). */
  ensure(at: number): void {
    if (at < this.data.length) return;
    let size = this.data.length;
    while (size <= at) size *= 2;
    const next = new this.type(size);
    next.set(this.data);
    if (this.fill !== 0) next.fill(this.fill, this.data.length);
    this.data = next;
  }

  /** Writes `value` at `at`, growing as needed. */
  set(at: number, value: number): void {
    this.ensure(at);
    this.data[at] = value;
  }
}

export const int32s = (capacity: number, fill = 0) => new Growable(Int32Array, capacity, fill);
export const float64s = (capacity: number) => new Growable(Float64Array, capacity);
export const bytes = (capacity: number) => new Growable(Uint8Array, capacity);
