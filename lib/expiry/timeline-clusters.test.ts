import { describe, expect, it } from "vitest";

import type { ExpiryItem } from "./classify-expiry";
import { clusterTimeline } from "./timeline-clusters";

const item = (label: string, minutes: number, urgency: ExpiryItem["urgency"] = "ok"): ExpiryItem => ({
  kind: "agent-svid",
  server: "foo",
  label,
  detail: "",
  expiresAt: new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString(),
  urgency,
  href: "/",
  renewal: "spire",
  advice: "",
});

describe("clusterTimeline", () => {
  const x = (t: number) => (t - Date.UTC(2026, 0, 1)) / 60_000; // one pixel per minute

  it("draws points a few pixels apart as one dot holding all of them, with the worst urgency", () => {
    const clusters = clusterTimeline([item("a", 56), item("b", 57), item("c", 58, "critical"), item("d", 200)], x);
    expect(clusters.map((c) => [c.items.map((i) => i.label).join(""), c.urgency])).toEqual([
      ["abc", "critical"],
      ["d", "ok"],
    ]);
  });

  it("keeps lanes apart", () => {
    const other = { ...item("e", 56), kind: "entry" as const };
    expect(clusterTimeline([item("a", 56), other], x)).toHaveLength(2);
  });
});
