import { describe, expect, it } from "vitest";

import { classifyExpiry, expiryItem, sortByUrgency } from "./classify-expiry";
import { checkX509SvidTtl, guaranteedMaxTtl } from "./ttl-cap";

const now = Date.parse("2026-01-01T00:00:00Z");
const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
const extra = { renewal: "operator" as const, advice: "" };

describe("classifyExpiry", () => {
  it.each([
    [-1, "expired"],
    [0, "expired"],
    [6, "critical"],
    [24, "critical"],
    [25, "warning"],
    [24 * 7, "warning"],
    [24 * 8, "ok"],
  ] as const)("%d hours → %s", (hours, urgency) => {
    expect(classifyExpiry(at(hours), now)).toBe(urgency);
  });

  it("uses the configured thresholds", () => {
    const thresholds = { critical: 2 * 3_600_000, warning: 48 * 3_600_000 };
    expect(classifyExpiry(at(6), now, thresholds)).toBe("warning");
    expect(classifyExpiry(at(1), now, thresholds)).toBe("critical");
    expect(classifyExpiry(at(49), now, thresholds)).toBe("ok");
  });

  it("treats no expiry as nothing to show", () => {
    expect(classifyExpiry(null, now)).toBeNull();
    expect(
      expiryItem({ ...extra, kind: "entry", server: "foo", label: "x", detail: "", href: "/", expiresAt: null }, now),
    ).toBeNull();
  });

  it("sorts the most urgent first, then the soonest", () => {
    const items = [48, 6, -2, 3].map((h) =>
      expiryItem(
        { ...extra, kind: "entry", server: "foo", label: `h${h}`, detail: "", href: "/", expiresAt: at(h) },
        now,
      )!,
    );
    expect(sortByUrgency(items).map((i) => i.label)).toEqual(["h-2", "h3", "h6", "h48"]);
  });

  it("treats auto-renewed things (agent SVIDs) as urgent only once expired", () => {
    const base = { ...extra, kind: "agent-svid" as const, server: "foo", label: "a", detail: "", href: "/" };
    expect(expiryItem({ ...base, expiresAt: at(0.5) }, now, { onTrack: true })?.urgency).toBe("ok");
    expect(expiryItem({ ...base, expiresAt: at(-1) }, now, { onTrack: true })?.urgency).toBe("expired");
  });
});

describe("checkX509SvidTtl (SPIRE caps the SVID at the CA's not-after)", () => {
  const ca = { notBefore: at(-24), notAfter: at(24 * 6) }; // a 7-day CA with 6 days left

  it("guarantees lifetime / 6, at most 7 days", () => {
    expect(guaranteedMaxTtl(ca)).toBe(28 * 3600);
    expect(guaranteedMaxTtl({ notBefore: at(0), notAfter: at(24 * 365) })).toBe(7 * 86_400);
  });

  it("is ok within the guarantee", () => {
    expect(checkX509SvidTtl(3600, ca, now)?.status).toBe("ok");
  });

  it("is at risk above the guarantee but within the remaining lifetime", () => {
    const check = checkX509SvidTtl(48 * 3600, ca, now);
    expect(check?.status).toBe("at-risk");
    expect(check?.effectiveNowSeconds).toBe(48 * 3600);
  });

  it("is capped to the CA's remaining lifetime above it, and explains the effective TTL", () => {
    const check = checkX509SvidTtl(10 * 86_400, ca, now);
    expect(check?.status).toBe("capped");
    expect(check?.effectiveNowSeconds).toBe(6 * 86_400);
    expect(check?.explanation).toMatch(/gets 6d/);
  });

  it("does not judge the server default (TTL 0)", () => {
    expect(checkX509SvidTtl(0, ca, now)).toBeNull();
  });
});
