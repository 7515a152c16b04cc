// The entries part of the store contract: saved entry indexes and entry plans.
import { expect, it } from "vitest";

import type { ConsoleStore } from "@/lib/store/types";

import type { StoreContract } from "./store-contract-context";
import { MINUTE, T0 } from "./store-contract-records";

/** Adds the entry-index snapshot and entry-plan cases to the running `describe`. */
export function entryStoreCases(contract: StoreContract): void {
  const { harness, openDriver, openStore, freshStore } = contract;

  it("saves, replaces, loads and deletes a server's entry index, bytes intact across pieces", async () => {
    const store = await freshStore();
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    const first = { server: "foo", trustDomain: "foo.test", builtAt: T0, savedAt: T0 + 1, entries: 12 };
    expect(await loaded(store, "foo")).toBeNull();
    // Written one piece at a time (as a compressor yields them), read back joined.
    await store.indexSnapshots.save(first, piecesOf(bytes, [0, 1, 40_000, 69_999]));
    const got = await loaded(store, "foo");
    expect({ ...got, data: Buffer.from(got!.data) }).toEqual({ ...first, data: Buffer.from(bytes) });
    const second = { ...first, builtAt: T0 + MINUTE, savedAt: T0 + MINUTE + 1, entries: 3 };
    await store.indexSnapshots.save(second, [new Uint8Array([0, 255])]);
    const replaced = await loaded(store, "foo");
    expect({ ...replaced, data: Array.from(replaced!.data) }).toEqual({ ...second, data: [0, 255] });
    expect(await loaded(store, "bar")).toBeNull();
    expect(await store.indexSnapshots.delete("foo")).toBe(true);
    expect(await store.indexSnapshots.delete("foo")).toBe(false);
    expect(await loaded(store, "foo")).toBeNull();
  });

  it("keeps the saved entry index when a save's pieces fail midway, and leaves none of that save behind", async () => {
    const db = await harness.freshDatabase();
    const store = await openStore(db);
    const kept = { server: "foo", trustDomain: "foo.test", builtAt: T0, savedAt: T0 + 1, entries: 2 };
    await store.indexSnapshots.save(kept, [new Uint8Array([1, 2]), new Uint8Array([3])]);
    async function* failing() {
      yield new Uint8Array([9, 9, 9]);
      yield new Uint8Array([8]);
      throw new Error("the index changed");
    }
    const broken = { ...kept, builtAt: T0 + MINUTE, savedAt: T0 + MINUTE, entries: 9 };
    await expect(store.indexSnapshots.save(broken, failing())).rejects.toThrow("the index changed");
    const got = await loaded(store, "foo");
    expect({ ...got, data: Array.from(got!.data) }).toEqual({ ...kept, data: [1, 2, 3] });
    const pieces = await openDriver(db).query<{ n: number }>("SELECT COUNT(*) AS n FROM entry_index_snapshot_pieces");
    expect(Number(pieces[0]!.n)).toBe(2);
    // A piece gone (another replica's save replaced them meanwhile): reading says so instead of serving part of it.
    await openDriver(db).execute("DELETE FROM entry_index_snapshot_pieces WHERE seq = 1");
    await expect(loaded(store, "foo")).rejects.toThrow("lost piece 2 of 2");
  });

  it("keeps the save that finished first when two saves of a server's entry index overlap", async () => {
    const store = await freshStore();
    const meta = { server: "foo", trustDomain: "foo.test", builtAt: T0, savedAt: T0, entries: 1 };
    let resume = () => {};
    const paused = new Promise<void>((resolve) => (resume = resolve));
    async function* slow() {
      yield new Uint8Array([1]);
      await paused;
      yield new Uint8Array([2]);
    }
    const first = store.indexSnapshots.save(meta, slow());
    await store.indexSnapshots.save({ ...meta, savedAt: T0 + 1 }, [new Uint8Array([7, 7])]);
    resume();
    await expect(first).rejects.toThrow("another save of the entry index of foo replaced this one");
    const got = await loaded(store, "foo");
    expect({ savedAt: got!.savedAt, data: Array.from(got!.data) }).toEqual({ savedAt: T0 + 1, data: [7, 7] });
  });

  it("saves entry plans, moves each from one status to the next only once, and lists them newest first", async () => {
    const store = await freshStore();
    const body = { summaryLine: "1 to add, 0 to change, 0 to delete", changes: [{ action: "create" }] };
    await store.plans.save({ id: "p1", server: "foo", createdAt: T0, status: "planned", body });
    await store.plans.save({ id: "p2", server: "foo", createdAt: T0 + MINUTE, status: "planned", body: {} });
    await store.plans.save({ id: "p3", server: "bar", createdAt: T0, status: "planned", body: {} });
    expect(await store.plans.get("foo", "p1")).toEqual({
      id: "p1",
      server: "foo",
      createdAt: T0,
      status: "planned",
      appliedAt: null,
      body,
      result: null,
    });
    expect(await store.plans.get("bar", "p1")).toBeNull();
    expect(await store.plans.transition("p1", "planned", "applying", T0 + 1)).toBe(true);
    expect(await store.plans.transition("p1", "planned", "applying", T0 + 2)).toBe(false);
    expect(await store.plans.transition("p1", "applying", "applied", T0 + 3, { ok: true })).toBe(true);
    expect(await store.plans.get("foo", "p1")).toMatchObject({
      status: "applied",
      appliedAt: T0 + 3,
      result: { ok: true },
    });
    expect((await store.plans.list("foo", [], 10)).map((p) => p.id)).toEqual(["p2", "p1"]);
    expect((await store.plans.list("foo", ["applied"], 10)).map((p) => p.id)).toEqual(["p1"]);
    expect(await store.plans.list("foo", [], 1)).toHaveLength(1);
  });
}

/** The server's saved index with its pieces read and joined, or null. */
async function loaded(store: ConsoleStore, server: string) {
  const snapshot = await store.indexSnapshots.read(server);
  if (!snapshot) return null;
  const { pieces, ...meta } = snapshot;
  const chunks: Buffer[] = [];
  for await (const piece of pieces) chunks.push(Buffer.from(piece));
  return { ...meta, data: Buffer.concat(chunks) };
}

/** `bytes` cut at `cuts` (ascending offsets), yielded one piece at a time. */
async function* piecesOf(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  const ends = [...cuts.slice(1), bytes.length];
  for (let i = 0; i < cuts.length; i++) yield bytes.slice(cuts[i], ends[i]);
}
