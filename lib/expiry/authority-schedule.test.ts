import { describe, expect, it } from "vitest";

import { activeAuthorityUrgency, authoritySchedule } from "./authority-schedule";

const DAY = 86_400_000;
const issued = Date.parse("2026-06-01T00:00:00Z");
const sevenDays = new Date(issued + 7 * DAY).toISOString();
const at = (days: number) => issued + days * DAY;

describe("SPIRE's authority schedule", () => {
  it("prepares at half the lifetime and activates at five sixths (pkg/server/ca/manager)", () => {
    expect(authoritySchedule(issued, at(7))).toEqual({ prepareAt: at(3.5), activateAt: at(7 - 7 / 6) });
  });

  it("caps the lead times at 30 days (prepare) and 7 days (activate) for long lifetimes", () => {
    expect(authoritySchedule(issued, at(365))).toEqual({ prepareAt: at(335), activateAt: at(358) });
  });
});

describe("activeAuthorityUrgency", () => {
  const urgency = (days: number, successorPrepared = false) =>
    activeAuthorityUrgency({ issuedAt: issued, expiresAt: sevenDays, successorPrepared, now: at(days) });

  it("keeps a 7-day CA fine until SPIRE should have prepared its successor (not a permanent warning)", () => {
    expect(urgency(0)).toBe("ok");
    expect(urgency(3.4)).toBe("ok");
  });

  it("warns once the successor is overdue, is critical once its activation is, expired after", () => {
    expect(urgency(3.6)).toBe("warning");
    expect(urgency(6)).toBe("critical");
    expect(urgency(7.1)).toBe("expired");
  });

  it("is fine whenever a successor is prepared, until it expires", () => {
    expect(urgency(6, true)).toBe("ok");
    expect(urgency(7.1, true)).toBe("expired");
  });

  it("answers null when the issue time is unknown", () => {
    expect(activeAuthorityUrgency({ issuedAt: null, expiresAt: sevenDays, successorPrepared: false, now: at(1) })).toBe(
      null,
    );
  });
});
