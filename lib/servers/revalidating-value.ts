/**
 * One value read from somewhere slow, kept and served: the first caller waits for the read (and
 * callers meanwhile share it); afterwards the kept value answers at once, and once it is older
 * than `freshMs` the next call starts one read in the background (stale while revalidating). A
 * failed read is thrown to the callers waiting for it; a failed background read drops the value,
 * so the next caller reads again and sees the failure. Pure: the reader and the clock are given.
 */
export class RevalidatingValue<T> {
  private value: { data: T; readAt: number } | null = null;
  private reading: Promise<{ data: T; readAt: number }> | null = null;
  private readonly read: () => Promise<T>;
  private readonly freshMs: number;
  private readonly now: () => number;

  constructor(read: () => Promise<T>, freshMs: number, now: () => number = Date.now) {
    this.read = read;
    this.freshMs = freshMs;
    this.now = now;
  }

  /** The value and when it was read (epoch ms). */
  async get(): Promise<{ data: T; readAt: number }> {
    const kept = this.value;
    if (!kept) return this.readOnce();
    if (this.now() - kept.readAt >= this.freshMs && !this.reading)
      this.readOnce().catch(() => {
        if (this.value === kept) this.value = null;
      });
    return kept;
  }

  private readOnce(): Promise<{ data: T; readAt: number }> {
    this.reading ??= this.read()
      .then((data) => (this.value = { data, readAt: this.now() }))
      .finally(() => (this.reading = null));
    return this.reading;
  }
}
