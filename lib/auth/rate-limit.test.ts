import { describe, expect, it } from "vitest";

import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows `limit` attempts per window, then says when to retry", () => {
    const limiter = new RateLimiter(3, 60_000);
    expect([0, 1_000, 2_000].map((t) => limiter.attempt("alice", t).ok)).toEqual([true, true, true]);
    expect(limiter.attempt("alice", 3_000)).toEqual({ ok: false, retryAfterSeconds: 57 });
    expect(limiter.attempt("bob", 3_000).ok).toBe(true);
  });

  it("allows again once the oldest attempt leaves the window", () => {
    const limiter = new RateLimiter(2, 10_000);
    limiter.attempt("k", 0);
    limiter.attempt("k", 5_000);
    expect(limiter.attempt("k", 9_999).ok).toBe(false);
    expect(limiter.attempt("k", 10_001).ok).toBe(true);
  });
});

describe("RateLimiter.peek", () => {
  it("says whether the next attempt would be refused without counting one", () => {
    const limiter = new RateLimiter(2, 10_000);
    expect(limiter.peek("k", 0)).toEqual({ ok: true });
    limiter.attempt("k", 0);
    limiter.attempt("k", 1_000);
    expect(limiter.peek("k", 2_000)).toEqual({ ok: false, retryAfterSeconds: 8 });
    expect(limiter.peek("k", 2_000)).toEqual({ ok: false, retryAfterSeconds: 8 });
    expect(limiter.peek("k", 10_001).ok).toBe(true);
  });
});
