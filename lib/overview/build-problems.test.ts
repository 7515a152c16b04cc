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
          orphans: 1,
          expiredAgents: 0,
          bannedAgents: 0,
          ttlWarnings: { capped: 0, atRisk: 2 },
          expiringSoon: [],
        },
        {
          server: "bar",
          error: "unavailable",
          orphans: 0,
          expiredAgents: 0,
          bannedAgents: 0,
          ttlWarnings: { capped: 0, atRisk: 0 },
          expiringSoon: [],
        },
      ],
      graph.flags,
    );
    expect(problems[0]?.severity).toBe("error");
    expect(problems.find((p) => p.title.includes("orphaned"))?.href).toBe("/entries?server=foo&expand=orphans");
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
          orphans: 0,
          expiredAgents: 2,
          bannedAgents: 0,
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
});
