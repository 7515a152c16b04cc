/** Repeats of one denial folded while its window was open. */
export type FoldedDenials<T> = { key: string; count: number; firstAt: number; lastAt: number; last: T };

/**
 * Folds repeated denials: the first denial of a key (client address, action, reason) opens a
 * window of `windowMs` and is recorded at once; repeats inside the window are only counted, and
 * once the window has closed `due` hands back one summary per key with the count. Pure (times are
 * passed in); the caller writes the records.
 */
export class DenialFolder<T> {
  private readonly open = new Map<string, { openedAt: number; folded: FoldedDenials<T> | null }>();

  constructor(private readonly windowMs: number) {}

  /**
   * Notes a denial. `recordNow` is true when it opens a window (record it at once), false when it
   * was folded; `closed` are the summaries of windows that had closed by `now` (record them too).
   */
  note(key: string, details: T, now: number): { recordNow: boolean; closed: FoldedDenials<T>[] } {
    const closed = this.due(now);
    const window = this.open.get(key);
    if (!window) {
      this.open.set(key, { openedAt: now, folded: null });
      return { recordNow: true, closed };
    }
    if (window.folded) {
      window.folded.count++;
      window.folded.lastAt = now;
      window.folded.last = details;
    } else {
      window.folded = { key, count: 1, firstAt: now, lastAt: now, last: details };
    }
    return { recordNow: false, closed };
  }

  /** The folded repeats of windows closed by `now` (each once); closed windows without repeats are dropped. */
  due(now: number): FoldedDenials<T>[] {
    const out: FoldedDenials<T>[] = [];
    for (const [key, window] of this.open) {
      if (now - window.openedAt < this.windowMs) continue;
      if (window.folded) out.push(window.folded);
      this.open.delete(key);
    }
    return out;
  }

  /** When the first window holding folded repeats closes, or null when none holds any. */
  nextDue(): number | null {
    let next: number | null = null;
    for (const window of this.open.values()) {
      if (window.folded && (next === null || window.openedAt + this.windowMs < next)) {
        next = window.openedAt + this.windowMs;
      }
    }
    return next;
  }
}
