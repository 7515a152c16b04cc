import { describe, expect, it } from "vitest";

import type { Agent } from "@/lib/spire/types";

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
    agent(2, { agentVersion: "1.14.1", attestationType: "k8s_psat", x509SvidExpiresAt: inHours(3) }),
    agent(3, {
      agentVersion: "1.12.0",
      attestationType: "join_token",
      canReattest: false,
      x509SvidExpiresAt: inHours(100),
    }),
    agent(4, { banned: true, x509SvidExpiresAt: inHours(-1) }),
  ];

  it("counts versions with their skew, attestation types, expiring SVIDs, re-attestation and bans", () => {
    expect(summarizeFleet(agents, "1.15.3", NOW)).toEqual({
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
      expiring: { expired: 1, within24h: 1, within7d: 2 },
      cannotReattest: 1,
      banned: 1,
    });
  });

  it("filters agents the same way the summary counts them", () => {
    const fleet: FleetAgent[] = agents.map((a) => ({
      ...a,
      skew: versionSkew(a.agentVersion, "1.15.3"),
      expiry: expiryBucket(a.x509SvidExpiresAt, NOW),
      entriesCount: 0,
      aliasCount: 0,
    }));
    const ids = (filters: Parameters<typeof matchesFleetFilters>[1]) =>
      fleet.filter((a) => matchesFleetFilters(a, filters)).map((a) => a.x509SvidSerialNumber);
    expect(ids({ expiring: "24h" })).toEqual(["2"]);
    expect(ids({ expiring: "7d" })).toEqual(["2", "3"]);
    expect(ids({ expiring: "expired" })).toEqual(["4"]);
    expect(ids({ version: "1.15.3", banned: false })).toEqual(["1"]);
    expect(ids({ canReattest: false })).toEqual(["3"]);
    expect(ids({ skew: "too-old" })).toEqual(["3"]);
    expect(ids({ spiffeIdContains: "X/2" })).toEqual(["2"]);
  });
});
