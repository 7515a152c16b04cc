import { describe, expect, it } from "vitest";

import { expiryAdvice, renewalOf } from "./expiry-advice";

describe("expiryAdvice", () => {
  it("says only an entry's own expiry is the operator's to renew", () => {
    expect(renewalOf("entry")).toBe("operator");
    expect(renewalOf("agent-svid")).toBe("spire");
    expect(expiryAdvice("entry", "critical")).toMatch(/^Not renewed/);
  });

  it("tells what to do about a CA with no successor, and nothing when one is prepared", () => {
    expect(expiryAdvice("x509-authority", "warning", { slot: "active" })).toMatch(/localauthority x509 prepare/);
    expect(expiryAdvice("x509-authority", "warning", { slot: "active", successorPrepared: true })).toMatch(
      /renews it by itself/,
    );
    expect(expiryAdvice("jwt-authority", "ok", { slot: "old" })).toMatch(/Nothing to do/);
  });

  it("explains an expired agent SVID by whether the agent can re-attest", () => {
    expect(expiryAdvice("agent-svid", "expired", { canReattest: true })).toMatch(/re-attests by itself/);
    expect(expiryAdvice("agent-svid", "ok")).toMatch(/renews its SVID by itself/);
    // Past its renewal point the agent is not "fine": say what is wrong and what to do.
    expect(expiryAdvice("agent-svid", "critical", { canReattest: false })).toMatch(/^Not renewed: .*evict it first/);
  });
});
