import { describe, expect, it } from "vitest";

import { RevalidatingValue } from "./revalidating-value";

/** A reader whose reads the test settles one by one. */
function manualReader() {
  const pending: { resolve: (n: number) => void; reject: (e: Error) => void }[] = [];
  const read = () => new Promise<number>((resolve, reject) => pending.push({ resolve, reject }));
  return { read, pending };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("RevalidatingValue", () => {
  it("reads once for callers arriving together, then answers from the kept value", async () => {
    let now = 1000;
    const { read, pending } = manualReader();
    const value = new RevalidatingValue(read, 30_000, () => now);
    const first = value.get();
    const second = value.get();
    expect(pending).toHaveLength(1);
    pending[0]!.resolve(7);
    expect(await first).toEqual({ data: 7, readAt: 1000 });
    expect(await second).toEqual({ data: 7, readAt: 1000 });
    now += 29_999;
    expect(await value.get()).toEqual({ data: 7, readAt: 1000 });
    expect(pending).toHaveLength(1);
  });

  it("serves the old value while one background read refreshes it", async () => {
    let now = 0;
    const { read, pending } = manualReader();
    const value = new RevalidatingValue(read, 30_000, () => now);
    const first = value.get();
    pending[0]!.resolve(1);
    await first;
    now = 30_000;
    expect((await value.get()).data).toBe(1);
    expect((await value.get()).data).toBe(1);
    expect(pending).toHaveLength(2);
    pending[1]!.resolve(2);
    await tick();
    expect(await value.get()).toEqual({ data: 2, readAt: 30_000 });
  });

  it("throws a first read's failure, and after a failed background read reads again", async () => {
    let now = 0;
    const { read, pending } = manualReader();
    const value = new RevalidatingValue(read, 10, () => now);
    const failed = value.get();
    pending[0]!.reject(new Error("down"));
    await expect(failed).rejects.toThrow("down");
    const retried = value.get();
    pending[1]!.resolve(5);
    expect((await retried).data).toBe(5);
    now = 20;
    expect((await value.get()).data).toBe(5);
    pending[2]!.reject(new Error("down again"));
    await tick();
    // The kept value was dropped: the next caller waits for a read of its own and sees its outcome.
    const next = value.get();
    expect(pending).toHaveLength(4);
    pending[3]!.reject(new Error("still down"));
    await expect(next).rejects.toThrow("still down");
  });
});
