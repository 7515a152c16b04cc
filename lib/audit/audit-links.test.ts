import { describe, expect, it } from "vitest";

import { auditTargetHref, auditTimePresets } from "./audit-links";

describe("audit links", () => {
  it("links an entry or agent target to its page, and nothing else", () => {
    expect(auditTargetHref({ server: "foo", target: { type: "entry", id: "e1", spiffeId: "spiffe://td/a" } })).toBe(
      "/entries/e1?server=foo",
    );
    const agent = "spiffe://td/spire/agent/x";
    expect(auditTargetHref({ server: "foo", target: { type: "agent", id: null, spiffeId: agent } })).toContain(
      "/agents/",
    );
    expect(auditTargetHref({ server: null, target: { type: "entry", id: "e1", spiffeId: null } })).toBeNull();
    expect(auditTargetHref({ server: "foo", target: { type: "session", id: null, spiffeId: null } })).toBeNull();
  });

  it("offers the last hour, day and week, keeping the other filters", () => {
    const now = Date.parse("2026-12-06T12:00:00Z");
    const presets = auditTimePresets(now, new URLSearchParams({ actor: "ed", before: "5" }));
    expect(presets.map((p) => p.label)).toEqual(["Last 1 h", "Last 24 h", "Last 7 d"]);
    const query = new URL(presets[1]!.href, "http://x").searchParams;
    expect(query.get("from")).toBe("2026-12-05T12:00:00.000Z");
    expect(query.get("actor")).toBe("ed");
    expect(query.has("before")).toBe(false);
  });
});
