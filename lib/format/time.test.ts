import { describe, expect, it } from "vitest";

import { formatDuration, formatRelative } from "./time";

describe("formatRelative", () => {
  const now = Date.parse("2026-11-22T12:00:00Z");
  it.each([
    ["2026-11-22T18:00:00Z", "in 6 hours"],
    ["2026-11-22T11:57:00Z", "3 minutes ago"],
    ["2026-11-25T12:00:00Z", "in 3 days"],
  ])("%s → %s", (iso, text) => {
    expect(formatRelative(iso, now)).toBe(text);
  });
});

describe("formatDuration", () => {
  it("keeps the two largest units", () => {
    expect(formatDuration(93_784)).toBe("1d 2h");
    expect(formatDuration(310)).toBe("5m 10s");
    expect(formatDuration(0)).toBe("0s");
  });
});
