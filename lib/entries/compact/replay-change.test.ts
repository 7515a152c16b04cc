import { describe, expect, it } from "vitest";

import { buildCompact } from "@/test/support/compare-compact-index";
import { generateEntries } from "@/test/support/generate-entries";

import { replayChange } from "./replay-change";

describe("replayChange: a change made during a walk, applied to its result", () => {
  it("keeps a newer read, applies an older one, and counts only what it applied", () => {
    const { trustDomain, agents, entries } = generateEntries(41, 100);
    const index = buildCompact(trustDomain, entries, agents);
    const walked = entries[3]!;
    const older = { ...walked, hint: "older", revisionNumber: walked.revisionNumber - 1 };
    replayChange(index, { upserts: [older], deletes: [] });
    expect(index.columns.entryAt(index.columns.slotOf(walked.id)).hint).toBe(walked.hint);
    const same = { ...walked, hint: "same revision" };
    replayChange(index, { upserts: [same], deletes: [] }, true);
    expect(index.columns.entryAt(index.columns.slotOf(walked.id)).hint).toBe(walked.hint);
    expect(index.version).toBe(0);
    replayChange(index, { upserts: [same], deletes: [] });
    expect(index.columns.entryAt(index.columns.slotOf(walked.id)).hint).toBe("same revision");
    expect(index.version).toBe(1);
    replayChange(index, { upserts: [], deletes: [entries[4]!.id] });
    replayChange(index, { upserts: [], deletes: [entries[4]!.id, "never-there"] });
    expect(index.columns.slotOf(entries[4]!.id)).toBe(-1);
    expect(index.version).toBe(2);
  });
});
