import { describe, expect, it } from "vitest";

import { makeTimeScale, timelineTicks } from "./timeline-scale";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse("2026-03-01T12:00:00Z");

describe("makeTimeScale", () => {
  const end = now + 30 * DAY;
  const x = makeTimeScale(now, end, 120, 940);

  it("maps an hour before now to the left edge and the end to the right edge", () => {
    expect(x(now - HOUR)).toBe(120);
    expect(x(end)).toBeCloseTo(940);
  });

  it("clamps times outside the range to the edges", () => {
    expect(x(now - 10 * DAY)).toBe(120);
    expect(x(end + 365 * DAY)).toBeCloseTo(940);
  });

  it("grows with time, giving the next hours more room than later days (square root)", () => {
    const points = [now, now + HOUR, now + 6 * HOUR, now + DAY, now + 7 * DAY, end].map(x);
    for (let i = 1; i < points.length; i++) expect(points[i]!).toBeGreaterThan(points[i - 1]!);
    expect(x(now + HOUR) - x(now)).toBeGreaterThan((x(now + 2 * DAY) - x(now + DAY)) / 24);
  });

  it("still draws a range that is shorter than two hours", () => {
    const short = makeTimeScale(now, now, 0, 100);
    expect(short(now - HOUR)).toBe(0);
    expect(short(now)).toBeGreaterThan(0);
    expect(short(now)).toBeLessThan(100);
  });
});

describe("timelineTicks", () => {
  it("labels now and every mark up to the end, in order", () => {
    expect(timelineTicks(now, now + 7 * DAY)).toEqual([
      { label: "now", at: now },
      { label: "1h", at: now + HOUR },
      { label: "6h", at: now + 6 * HOUR },
      { label: "1d", at: now + DAY },
      { label: "3d", at: now + 3 * DAY },
      { label: "7d", at: now + 7 * DAY },
    ]);
  });

  it("reaches a year for a long range, and only now for a range that ends now", () => {
    expect(timelineTicks(now, now + 400 * DAY).map((t) => t.label)).toEqual([
      "now",
      "1h",
      "6h",
      "1d",
      "3d",
      "7d",
      "30d",
      "90d",
      "1y",
    ]);
    expect(timelineTicks(now, now)).toEqual([{ label: "now", at: now }]);
  });
});
