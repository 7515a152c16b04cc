/** The outcome of one attempt: allowed, or refused with the seconds until the next one is allowed. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A fixed-size sliding-window limiter: at most `limit` attempts per key in any `windowMs`. Kept
 * in memory per process (each replica limits on its own); old keys are dropped as they expire.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt for `key` at `now` if it is allowed. */
  attempt(key: string, now = Date.now()): RateDecision {
    const since = now - this.windowMs;
    const decision = this.peek(key, now);
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    this.hits.set(key, recent);
    if (!decision.ok) return decision;
    recent.push(now);
    if (this.hits.size > 10_000) this.sweep(since);
    return { ok: true };
  }

  /** Whether an attempt for `key` at `now` would be refused, without recording one. */
  peek(key: string, now = Date.now()): RateDecision {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length < this.limit) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000)) };
  }

  private sweep(since: number): void {
    for (const [key, times] of this.hits) if (times.every((t) => t <= since)) this.hits.delete(key);
  }
}
