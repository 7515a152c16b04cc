import { describe, expect, it } from "vitest";

import type { Agent } from "@/lib/spire/types";

import { agentRenewalContext, agentRenewalOnTrack, agentSvidUrgency, estimateAgentSvidLifetime } from "./agent-renewal";

const NOW = Date.parse("2026-06-01T00:00:00Z");
const MIN = 60_000;
const agent = (minutesLeft: number | null, extra: Partial<Agent> = {}): Agent => ({
  spiffeId: `spiffe://t.org/spire/agent/x/${minutesLeft}`,
  attestationType: "x509pop",
  x509SvidSerialNumber: "1",
  x509SvidExpiresAt: minutesLeft === null ? null : new Date(NOW + minutesLeft * MIN).toISOString(),
  selectors: [],
  banned: false,
  canReattest: true,
  agentVersion: "1.15.3",
  ...extra,
});

describe("estimateAgentSvidLifetime", () => {
  it("is the longest time left among agents that still renew, never a banned or expired one's", () => {
    expect(estimateAgentSvidLifetime([agent(40), agent(58), agent(-5), agent(600, { banned: true })], NOW)).toBe(
      58 * MIN,
    );
    expect(estimateAgentSvidLifetime([agent(-1), agent(null)], NOW)).toBeNull();
  });
});

describe("agentSvidUrgency", () => {
  const fleet = [agent(59), agent(44), agent(28), agent(20), agent(-3)];
  const context = agentRenewalContext(fleet, NOW);

  it("calls a renewing 1-hour SVID no risk, and one past its renewal point critical", () => {
    expect(agentSvidUrgency(agent(28), context, NOW)).toBe("ok"); // 47 % left: inside SPIRE's jitter
    expect(agentSvidUrgency(agent(20), context, NOW)).toBe("critical"); // 34 %: should have renewed
    expect(agentSvidUrgency(agent(-3), context, NOW)).toBe("expired");
    expect(agentSvidUrgency(agent(null), context, NOW)).toBeNull();
  });

  it("judges the time left when the agents were read, so a stale read does not make a healthy agent late", () => {
    const readAt = NOW - 10 * MIN;
    // Read 10 minutes ago with 28 of 59 minutes left (on track then); 18 minutes left now.
    const stale = agentRenewalContext([agent(49), agent(18)], readAt);
    expect(agentSvidUrgency(agent(18), stale, NOW)).toBe("ok");
    expect(agentSvidUrgency(agent(18), agentRenewalContext([agent(49), agent(18)], NOW), NOW)).toBe("critical");
  });

  it("uses the warning window for a longer lifetime, and leaves banned agents to the ban count", () => {
    const days = (d: number) => d * 24 * 60;
    const long = agentRenewalContext([agent(days(30)), agent(days(5))], NOW);
    expect(agentSvidUrgency(agent(days(5)), long, NOW)).toBe("warning");
    expect(agentSvidUrgency(agent(days(20)), long, NOW)).toBe("ok");
    expect(agentRenewalOnTrack(agent(10, { banned: true }), long)).toBe(true);
    expect(agentSvidUrgency(agent(10, { banned: true }), long, NOW)).toBe("ok");
  });
});
