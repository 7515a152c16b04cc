import { describe, expect, it } from "vitest";

import { evaluateRules } from "./evaluate-rules";
import type { ServerSignals } from "./signals";
import type { AlertRule } from "./types";

const now = Date.parse("2026-12-06T12:00:00Z");
const inDays = (days: number) => new Date(now + days * 86_400_000).toISOString();

const rule = (over: Partial<AlertRule>): AlertRule => ({
  id: "r1",
  name: "CA expiry",
  kind: "authority-expiry",
  severity: "critical",
  enabled: true,
  servers: [],
  params: {},
  repeatMinutes: 60,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

const server = (over: Partial<ServerSignals>): ServerSignals => ({
  server: "foo",
  up: true,
  downReason: null,
  authorities: [],
  federation: [],
  agents: [],
  index: { state: "ready", failure: null },
  entrySets: [],
  attestations: null,
  ...over,
});

describe("evaluateRules", () => {
  it("raises an authority alert at the lowest threshold crossed, and none above every threshold", () => {
    const signals = [
      server({
        authorities: [
          { kind: "x509", slot: "active", authorityId: "aa", expiresAt: inDays(5) },
          { kind: "x509", slot: "prepared", authorityId: "bb", expiresAt: inDays(40) },
          { kind: "jwt", slot: "active", authorityId: "cc", expiresAt: inDays(0.5) },
        ],
      }),
    ];
    const alerts = evaluateRules([rule({ params: { thresholdsDays: [30, 7, 1] } })], signals, now);
    expect(alerts.map((a) => [a.labels.authority_id, a.labels.threshold])).toEqual([
      ["aa", "7d"],
      ["cc", "1d"],
    ]);
    expect(alerts[0]!.summary).toContain("foo's active X.509 authority aa expires in 5d");
    expect(alerts[0]!.labels).toMatchObject({ alertname: "CA expiry", severity: "critical", server: "foo" });
  });

  it("gives the same alert the same fingerprint, and a crossed lower threshold a new one", () => {
    const at = (days: number) => [
      server({ authorities: [{ kind: "x509", slot: "active", authorityId: "aa", expiresAt: inDays(days) }] }),
    ];
    const r = [rule({ params: { thresholdsDays: [7, 1] } })];
    const [a] = evaluateRules(r, at(5), now);
    const [b] = evaluateRules(r, at(4), now);
    const [c] = evaluateRules(r, at(0.5), now);
    expect(a!.fingerprint).toBe(b!.fingerprint);
    expect(c!.fingerprint).not.toBe(a!.fingerprint);
  });

  it("skips disabled rules and servers the rule does not watch", () => {
    const signals = [server({ up: false, downReason: "connection refused" }), server({ server: "bar", up: false })];
    expect(evaluateRules([rule({ kind: "server-down", enabled: false })], signals, now)).toEqual([]);
    const alerts = evaluateRules([rule({ kind: "server-down", servers: ["bar"] })], signals, now);
    expect(alerts.map((a) => a.labels.server)).toEqual(["bar"]);
  });

  it("finds stale or failing federated bundles, agents that missed renewal, walk failures and drift", () => {
    const signals = [
      server({
        federation: [
          { trustDomain: "bar.test", validUntil: inDays(0.5), problem: null },
          {
            trustDomain: "baz.test",
            validUntil: inDays(30),
            problem: "the partner no longer serves us (connection refused)",
          },
          { trustDomain: "ok.test", validUntil: inDays(30), problem: null },
        ],
        agents: [
          { spiffeId: "spiffe://foo.test/agent/a", expiresAt: inDays(-1), canReattest: false, banned: false },
          { spiffeId: "spiffe://foo.test/agent/b", expiresAt: inDays(1), canReattest: true, banned: false },
          { spiffeId: "spiffe://foo.test/agent/c", expiresAt: inDays(-1), canReattest: false, banned: true },
        ],
        index: { state: "failed", failure: "SPIRE did not answer" },
        entrySets: [{ name: "web", state: "drifted", changes: 2, error: null }],
      }),
    ];
    const kinds = ["federation-stale", "agents-expiring", "index-walk-failing", "entry-set-drift"] as const;
    const rules = kinds.map((kind) => rule({ id: kind, name: kind, kind }));
    const alerts = evaluateRules(rules, signals, now);
    const summaries = alerts.map((a) => `${a.ruleId}: ${a.summary}`);
    expect(summaries).toEqual([
      expect.stringMatching(/^federation-stale: .*bar\.test is stale/),
      expect.stringMatching(/^federation-stale: foo's federation with baz\.test: the partner no longer serves us/),
      expect.stringMatching(/^agents-expiring: 1 agent\(s\) of foo .*1 expired and cannot re-attest.*agent\/a$/),
      "index-walk-failing: the entry index walk of foo is failing: SPIRE did not answer",
      expect.stringMatching(/^entry-set-drift: entry set web of foo has drifted: 2 change/),
    ]);
  });
});
