import { describe, expect, it } from "vitest";

import type { Agent } from "@/lib/spire/types";

import { matchesAgentFilters } from "./match-agent-filters";

const agent: Agent = {
  spiffeId: "spiffe://foo.example.com/spire/agent/x509pop/98AFA18b",
  attestationType: "x509pop",
  x509SvidSerialNumber: "1",
  x509SvidExpiresAt: "2026-01-01T00:00:00Z",
  selectors: [{ type: "x509pop", value: "subject:cn:foo-agent-1" }],
  banned: false,
  canReattest: true,
  agentVersion: "",
};

describe("matchesAgentFilters", () => {
  it("matches part of the SPIFFE ID in any case", () => {
    expect(matchesAgentFilters(agent, { spiffeIdContains: "8afa" })).toBe(true);
    expect(matchesAgentFilters(agent, { spiffeIdContains: "join_token" })).toBe(false);
  });

  it("applies SPIRE's own filters too", () => {
    expect(matchesAgentFilters(agent, { attestationType: "x509pop", canReattest: true })).toBe(true);
    expect(matchesAgentFilters(agent, { banned: true })).toBe(false);
    expect(matchesAgentFilters(agent, { expiresBefore: "2025-12-31T00:00:00Z" })).toBe(false);
    expect(matchesAgentFilters(agent, { expiresBefore: "2026-01-02T00:00:00Z" })).toBe(true);
  });
});
