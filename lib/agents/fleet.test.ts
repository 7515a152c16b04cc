import { describe, expect, it } from "vitest";

import { agentRenewalContext } from "@/lib/expiry/agent-renewal";
import type { Agent } from "@/lib/spire/types";

import { agentCluster } from "./agent-cluster";
import { expiryBucket, type FleetAgent, matchesFleetFilters, summarizeFleet } from "./fleet";
import { compareVersionsDesc, versionSkew } from "./version-skew";

const NOW = Date.parse("2026-06-01T00:00:00Z");
const inHours = (h: number) => new Date(NOW + h * 3_600_000).toISOString();
const agent = (n: number, extra: Partial<Agent> = {}): Agent => ({
  spiffeId: `spiffe://t.org/spire/agent/x/${n}`,
  attestationType: "x509pop",
  x509SvidSerialNumber: String(n),
  x509SvidExpiresAt: inHours(200),
  selectors: [{ type: "x509pop", value: `subject:cn:host-${n}` }],
  banned: false,
  canReattest: true,
  agentVersion: "1.15.3",
  ...extra,
});

describe("versionSkew", () => {
  it.each([
    ["1.15.3", "1.15.3", "current"],
    ["1.15.0", "1.15.3", "current"],
    ["1.14.9", "1.15.3", "one-minor-behind"],
    ["1.13.2", "1.15.3", "too-old"],
    ["0.12.0", "1.15.3", "too-old"],
    ["1.16.0", "1.15.3", "newer-than-server"],
    ["", "1.15.3", "unknown"],
    ["1.15.3", undefined, "unknown"],
  ])("agent %s against server %s is %s", (a, s, skew) => {
    expect(versionSkew(a, s)).toBe(skew);
  });

  it("sorts versions newest first, unknown last", () => {
    expect(["1.9.0", "", "1.15.3", "1.14.10", "1.14.2"].sort(compareVersionsDesc)).toEqual([
      "1.15.3",
      "1.14.10",
      "1.14.2",
      "1.9.0",
      "",
    ]);
  });
});

describe("summarizeFleet", () => {
  const agents = [
    agent(1),
    agent(2, {
      spiffeId: "spiffe://t.org/spire/agent/k8s_psat/edge/uid-2",
      agentVersion: "1.14.1",
      attestationType: "k8s_psat",
      x509SvidExpiresAt: inHours(3),
    }),
    agent(3, {
      agentVersion: "1.12.0",
      attestationType: "join_token",
      canReattest: false,
      x509SvidExpiresAt: inHours(100),
    }),
    agent(4, { banned: true, x509SvidExpiresAt: inHours(-1) }),
  ];

  // The longest SVID left (agent 1's 200 h) shows the agents' lifetime: agent 2 (3 h left) has not renewed at half
  // of it; agent 3 (100 h left) renews on time and is no risk although it expires within 7 days.
  const renewal = agentRenewalContext(agents, NOW);

  it("counts versions, attestation types, SVIDs that will not renew in time, re-attestation and bans", () => {
    expect(summarizeFleet(agents, "1.15.3", NOW, renewal)).toEqual({
      total: 4,
      serverVersion: "1.15.3",
      versions: [
        { version: "1.15.3", count: 2, skew: "current" },
        { version: "1.14.1", count: 1, skew: "one-minor-behind" },
        { version: "1.12.0", count: 1, skew: "too-old" },
      ],
      attestationTypes: [
        { type: "join_token", count: 1 },
        { type: "k8s_psat", count: 1 },
        { type: "x509pop", count: 2 },
      ],
      clusters: [{ cluster: "edge", count: 1 }],
      expiring: { expired: 1, within24h: 1, within7d: 1 },
      windows: { criticalHours: 24, warningDays: 7 },
      cannotReattest: 1,
      banned: 1,
    });
  });

  it("filters agents the same way the summary counts them", () => {
    const fleet: FleetAgent[] = agents.map((a) => ({
      ...a,
      skew: versionSkew(a.agentVersion, "1.15.3"),
      expiry: expiryBucket(a, renewal, NOW),
      entriesCount: 0,
      aliasCount: 0,
      cluster: agentCluster(a),
    }));
    const ids = (filters: Parameters<typeof matchesFleetFilters>[1]) =>
      fleet.filter((a) => matchesFleetFilters(a, filters)).map((a) => a.x509SvidSerialNumber);
    expect(ids({ expiring: "24h" })).toEqual(["2"]);
    expect(ids({ expiring: "7d" })).toEqual(["2"]);
    expect(ids({ expiring: "expired" })).toEqual(["4"]);
    expect(ids({ version: "1.15.3", banned: false })).toEqual(["1"]);
    expect(ids({ canReattest: false })).toEqual(["3"]);
    expect(ids({ skew: "too-old" })).toEqual(["3"]);
    expect(ids({ spiffeIdContains: "X/9" })).toEqual([]);
    expect(ids({ spiffeIdContains: "EDGE/uid-2" })).toEqual(["2"]);
    expect(ids({ cluster: "edge" })).toEqual(["2"]);
    expect(ids({ cluster: "demo" })).toEqual([]);
  });

  it("counts no healthy 1-hour SVID as expiring, and counts the one agent that stopped renewing", () => {
    // SPIRE renews at half the lifetime (±10 %): healthy 1-hour SVIDs have 27-60 minutes left.
    const healthy = [60, 45, 31, 28].map((minutes, n) => agent(n, { x509SvidExpiresAt: inHours(minutes / 60) }));
    const quiet = { ...agent(9), x509SvidExpiresAt: inHours(0.2) };
    const summary = (list: Agent[]) => summarizeFleet(list, "1.15.3", NOW, agentRenewalContext(list, NOW)).expiring;
    expect(summary(healthy)).toEqual({ expired: 0, within24h: 0, within7d: 0 });
    expect(summary([...healthy, quiet])).toEqual({ expired: 0, within24h: 1, within7d: 1 });
    // A 12-hour critical window says so in the summary the page words come from.
    const windows = summarizeFleet(healthy, null, NOW, agentRenewalContext(healthy, NOW), {
      criticalHours: 12,
      warningDays: 3,
    }).windows;
    expect(windows).toEqual({ criticalHours: 12, warningDays: 3 });
  });
});
