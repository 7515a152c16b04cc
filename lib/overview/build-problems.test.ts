import { describe, expect, it } from "vitest";

import { buildFederationGraph } from "@/lib/federation/build-graph";

import { buildProblems } from "./build-problems";

describe("buildProblems", () => {
  const graph = buildFederationGraph([
    {
      server: "foo",
      trustDomain: "foo.org",
      error: null,
      relationships: [
        { trustDomain: "baz.org", bundleEndpointUrl: "https://baz", profile: { type: "https_web" }, bundle: null },
      ],
      bundles: [],
      federatesWithCounts: {},
    },
  ]);
  it("turns flags and server state into a problems list, errors first, each with a link", () => {
    const problems = buildProblems(
      [
        {
          server: "foo",
          error: null,
          orphans: { "orphan-entry": 1, "parent-agent-evicted": 0 },
          expiredAgents: 0,
          bannedAgents: 0,
          agentsExpiring: 0,
          windows: { criticalHours: 24, warningDays: 7 },
          ttlWarnings: { capped: 0, atRisk: 2 },
          expiringSoon: [],
        },
        {
          server: "bar",
          error: "unavailable",
          orphans: { "orphan-entry": 0, "parent-agent-evicted": 0 },
          expiredAgents: 0,
          bannedAgents: 0,
          agentsExpiring: 0,
          windows: { criticalHours: 24, warningDays: 7 },
          ttlWarnings: { capped: 0, atRisk: 0 },
          expiringSoon: [],
        },
      ],
      graph.flags,
    );
    expect(problems[0]?.severity).toBe("error");
    expect(problems.find((p) => p.title.includes("orphan entry"))?.href).toBe("/entries?server=foo&expand=orphans");
    expect(problems.find((p) => p.title.includes("cannot be reached"))?.server).toBe("bar");
    expect(problems.filter((p) => p.href.startsWith("/federation")).length).toBe(1);
    expect(problems.some((p) => p.title.includes("2 entries with X.509 TTLs"))).toBe(true);
  });

  it("reports capped TTLs and expiring items as errors or warnings with their links", () => {
    const problems = buildProblems(
      [
        {
          server: "foo",
          error: null,
          orphans: { "orphan-entry": 0, "parent-agent-evicted": 0 },
          expiredAgents: 2,
          bannedAgents: 0,
          agentsExpiring: 0,
          windows: { criticalHours: 24, warningDays: 7 },
          ttlWarnings: { capped: 1, atRisk: 0 },
          expiringSoon: [
            {
              label: "spiffe://foo/x",
              expiresAt: "2026-01-01T00:00:00Z",
              href: "/entries/1?server=foo",
              expired: true,
            },
          ],
        },
      ],
      [],
    );
    expect(problems.map((p) => [p.severity, p.href.split("?")[0]])).toEqual([
      ["error", "/agents"],
      ["error", "/expiry"],
      ["error", "/entries/1"],
    ]);
  });

  it("counts agents that will not renew in time once, in the Agents page's words, linking to its filter", () => {
    const input = {
      server: "foo",
      error: null,
      orphans: { "orphan-entry": 0, "parent-agent-evicted": 0 },
      expiredAgents: 0,
      bannedAgents: 0,
      ttlWarnings: { capped: 0, atRisk: 0 },
      windows: { criticalHours: 12, warningDays: 7 },
      expiringSoon: [],
    };
    expect(buildProblems([{ ...input, agentsExpiring: 0 }], [])).toEqual([]);
    const [problem, ...rest] = buildProblems([{ ...input, agentsExpiring: 3 }], []);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      severity: "warning",
      source: "expiry",
      title: "3 agents expiring within 12 h",
      href: "/agents?server=foo&expiring=24h",
    });
  });
});
