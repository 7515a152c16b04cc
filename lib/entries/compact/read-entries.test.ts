import { describe, expect, it } from "vitest";

import type { Entry } from "@/lib/spire/types";

import { generateEntries } from "../../../test/support/generate-entries";
import { CompactEntryIndex } from "./compact-index";
import { entriesAt, slotsWithSelectorPrefix, slotsWithSpiffeIds } from "./read-entries";

const now = Date.parse("2026-01-01T00:00:00Z");

describe("entries picked from the index in place", () => {
  it("are the entries a full scan picks, in index order, also after patches", () => {
    const { trustDomain, entries } = generateEntries(6, 1500);
    const podEntries = entries.map((e, i) =>
      i % 7 === 0 ? { ...e, selectors: [...e.selectors, { type: "k8s", value: `pod-uid:${i}` }] } : e,
    );
    const index = new CompactEntryIndex(trustDomain, now, 8);
    index.addEntries(podEntries);
    index.seal();
    index.searchIndex();
    let live: Entry[] = podEntries;
    const created = { ...podEntries[3]!, id: "created-pod", selectors: [{ type: "k8s", value: "pod-uid:new" }] };
    const unpodded = { ...podEntries[7]!, selectors: [{ type: "unix", value: "uid:1" }] };
    const renamed = { ...podEntries[14]!, spiffeId: podEntries[1]!.spiffeId };
    index.applyChange({ upserts: [created, unpodded, renamed], deletes: [podEntries[21]!.id] });
    live = [...live.filter((e) => e.id !== podEntries[21]!.id), created].map((e) =>
      e.id === unpodded.id ? unpodded : e.id === renamed.id ? renamed : e,
    );
    const byIndexOrder = (list: Entry[]) =>
      [...list].sort((a, b) => index.columns.slotOf(a.id) - index.columns.slotOf(b.id));
    const withPod = live.filter((e) => e.selectors.some((s) => s.type === "k8s" && s.value.startsWith("pod-uid:")));
    expect(withPod.length).toBeGreaterThan(200);
    expect(entriesAt(index, slotsWithSelectorPrefix(index, "k8s:pod-uid:"))).toEqual(byIndexOrder(withPod));
    const ids = [podEntries[1]!.spiffeId, podEntries[500]!.spiffeId, "spiffe://gen.test/none"];
    const holding = live.filter((e) => ids.includes(e.spiffeId));
    expect(holding.some((e) => e.id === renamed.id)).toBe(true);
    expect(entriesAt(index, slotsWithSpiffeIds(index, ids))).toEqual(byIndexOrder(holding));
  });
});
