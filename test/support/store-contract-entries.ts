// The entries part of the store contract: saved entry indexes and entry plans.
import { expect, it } from "vitest";

import type { StoreContract } from "./store-contract-context";
import { MINUTE, T0 } from "./store-contract-records";

/** Adds the entry-index snapshot and entry-plan cases to the running `describe`. */
export function entryStoreCases(contract: StoreContract): void {
  const { freshStore } = contract;

  it("saves, replaces, loads and deletes a server's entry index, bytes intact", async () => {
    const store = await freshStore();
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    const first = { server: "foo", trustDomain: "foo.test", builtAt: T0, savedAt: T0 + 1, entries: 12, data: bytes };
    expect(await store.indexSnapshots.load("foo")).toBeNull();
    await store.indexSnapshots.save(first);
    const loaded = await store.indexSnapshots.load("foo");
    expect({ ...loaded, data: Buffer.from(loaded!.data) }).toEqual({ ...first, data: Buffer.from(bytes) });
    const second = {
      ...first,
      builtAt: T0 + MINUTE,
      savedAt: T0 + MINUTE + 1,
      entries: 3,
      data: new Uint8Array([0, 255]),
    };
    await store.indexSnapshots.save(second);
    const replaced = await store.indexSnapshots.load("foo");
    expect({ ...replaced, data: Array.from(replaced!.data) }).toEqual({ ...second, data: [0, 255] });
    expect(await store.indexSnapshots.load("bar")).toBeNull();
    expect(await store.indexSnapshots.delete("foo")).toBe(true);
    expect(await store.indexSnapshots.delete("foo")).toBe(false);
    expect(await store.indexSnapshots.load("foo")).toBeNull();
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
