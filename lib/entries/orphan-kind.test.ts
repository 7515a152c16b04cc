import { describe, expect, it } from "vitest";

import { buildProblems } from "@/lib/overview/build-problems";
import type { Entry } from "@/lib/spire/types";
import { findStale } from "@/test/support/reference-cleanup";

import { entryWith } from "../../test/support/entry-fixture";
import { findOrphans } from "./find-orphans";
import { countOrphanKinds, orphanKind } from "./orphan-kind";

const TD = "t.org";
const id = (path: string) => `spiffe://${TD}${path}`;
const entry = (n: number, path: string, parent: string): Entry =>
  entryWith({
    id: `e${n}`,
    spiffeId: id(path),
    parentId: id(parent),
    selectors: [{ type: "unix", value: `uid:${n}` }],
  });

// The demo's two: one parented to nothing, one parented to an agent that was evicted; plus a loop.
const entries = [
  entry(1, "/legacy/reporting", "/decommissioned/host"),
  entry(2, "/batch/job", "/spire/agent/x509pop/gone"),
  entry(3, "/loop/a", "/loop/b"),
  entry(4, "/loop/b", "/loop/a"),
  entry(5, "/fine", "/spire/server"),
];

describe("one orphan taxonomy for the Overview and the Clean-up", () => {
  it("tells a parent agent that is gone from any other orphan", () => {
    expect(orphanKind(id("/spire/agent/x/1"), "missing-parent", TD)).toBe("parent-agent-evicted");
    expect(orphanKind(id("/spire/agent/x/1"), "unreachable", TD)).toBe("orphan-entry");
    expect(orphanKind(id("/host"), "missing-parent", TD)).toBe("orphan-entry");
    expect(orphanKind("spiffe://other.org/spire/agent/x", "missing-parent", TD)).toBe("orphan-entry");
  });

  it("counts on the Overview what the Clean-up lists, kind by kind, in the same words", () => {
    const orphans = findOrphans(entries, id("/spire/server"), new Set());
    const counts = countOrphanKinds(
      orphans.map((o) => ({ parentId: o.entry.parentId, reason: o.reason })),
      TD,
    );
    expect(counts).toEqual({ "orphan-entry": 3, "parent-agent-evicted": 1 });
    const report = findStale({
      server: "foo",
      trustDomain: TD,
      entries,
      agents: [],
      now: Date.parse("2026-06-01T00:00:00Z"),
      agentExpiredDays: 7,
      ownership: () => [],
    });
    const cleanup = (kind: string) => report.findings.filter((f) => f.kind === kind).length;
    expect([cleanup("orphan-entry"), cleanup("parent-agent-evicted")]).toEqual([3, 1]);
    const problems = buildProblems(
      [
        {
          server: "foo",
          error: null,
          orphans: counts,
          expiredAgents: 0,
          bannedAgents: 0,
          agentsExpiring: 0,
          windows: { criticalHours: 24, warningDays: 7 },
          ttlWarnings: { capped: 0, atRisk: 0 },
          expiringSoon: [],
        },
      ],
      [],
    );
    expect(problems.map((p) => p.title)).toEqual(["3 orphan entries", "1 entry whose parent agent is gone"]);
  });
});
