import { describe, expect, it } from "vitest";

import type { Bundle } from "@/lib/spire/types";

import { effectiveRefreshHint, findCaTtlWarning, findLastIncrease, judgeFreshness } from "./judge-freshness";
import { summarizeFetches } from "./summarize-fetches";

const day = 86_400;
const at = (seconds: number) => new Date(seconds * 1000).toISOString();
function bundle(refreshHint: number, caTtl: number, notBefore = 0): Bundle {
  const authority = {
    subject: "O=bar",
    notBefore: at(notBefore),
    notAfter: at(notBefore + caTtl),
    tainted: false,
    fingerprint: "aa",
    subjectKeyId: "bb",
  };
  return {
    trustDomain: "bar.example.com",
    x509Authorities: [authority],
    jwtAuthorities: [],
    witAuthorities: [],
    refreshHint,
    sequenceNumber: "3",
  };
}

describe("effectiveRefreshHint", () => {
  it("uses the bundle's hint but never less than SPIRE's 60 s, else a tenth of the shortest CA life", () => {
    expect(effectiveRefreshHint(bundle(300, 7 * day))).toBe(300);
    expect(effectiveRefreshHint(bundle(10, 7 * day))).toBe(60);
    expect(effectiveRefreshHint(bundle(0, 1000 * 60))).toBe(6000);
    expect(effectiveRefreshHint(null)).toBeNull();
  });
});

describe("findCaTtlWarning", () => {
  it("says nothing for a week-long CA refreshed every minute", () => {
    expect(findCaTtlWarning(bundle(60, 7 * day), 60)).toBeNull();
  });

  it("warns when three hints exceed the gap between publishing and using the next CA (a third of the TTL)", () => {
    // TTL 12 min: published 6 min before expiry, used 2 min before: a 4 min gap, under 3 x 5 min.
    expect(findCaTtlWarning(bundle(300, 720), 300)).toMatch(/too short for the refresh hint \(300 s\)/);
    expect(findCaTtlWarning(bundle(60, 720), 60)).toBeNull();
  });
});

describe("findLastIncrease", () => {
  const pts = (...vs: number[]) => vs.map((v, i) => ({ t: 1000 + i * 15, v }));

  it("finds the last rise, counting a restart's drop to a positive value", () => {
    expect(findLastIncrease(pts(1, 2, 2, 2), 1000, 15)).toBe(1015);
    expect(findLastIncrease(pts(5, 6, 1, 1), 1000, 15)).toBe(1030);
    expect(findLastIncrease(pts(3, 3, 3), 1000, 15)).toBeNull();
  });

  it("counts a series that first appears inside the window", () => {
    expect(findLastIncrease([{ t: 1100, v: 1 }], 1000, 15)).toBe(1100);
    expect(findLastIncrease([{ t: 1000, v: 1 }], 1000, 15)).toBeNull();
  });
});

describe("judgeFreshness", () => {
  const series = [
    {
      labels: { trust_domain_id: "bar_example_com", status: "OK" },
      points: [
        { t: 0, v: 1 },
        { t: 60, v: 2 },
        { t: 120, v: 2 },
      ],
    },
    { labels: { trust_domain_id: "bar_example_com", status: "Unknown" }, points: [{ t: 180, v: 1 }] },
    { labels: { trust_domain_id: "baz_example_com", status: "Unknown" }, points: [{ t: 190, v: 4 }] },
  ];
  const base = {
    server: "foo",
    trustDomain: "bar.example.com",
    source: "prometheus" as const,
    bundle: bundle(60, 7 * day),
    sequence: { number: "3", changedAt: null },
  };

  it("reads the last success and the last failure of that trust domain only", () => {
    expect(summarizeFetches(series, "bar.example.com", { start: 0, step: 15 })).toEqual({
      windowStart: 0,
      lastSuccessAt: 60,
      lastFailureAt: 180,
      lastFailureStatus: "Unknown",
    });
  });

  it("does not count series present from the first data (a Prometheus that just started) as fetches", () => {
    const fresh = [{ labels: { trust_domain_id: "bar_example_com", status: "OK" }, points: [{ t: 3000, v: 9 }] }];
    expect(summarizeFetches(fresh, "bar.example.com", { start: 0, step: 15 })).toMatchObject({
      windowStart: 3000,
      lastSuccessAt: null,
    });
  });

  it("is stale after three refresh hints without a success, and says the partner no longer serves us", () => {
    const fetches = summarizeFetches(series, "bar.example.com", { start: 0, step: 15 });
    const fresh = judgeFreshness({ ...base, fetches, now: 200 });
    expect(fresh).toMatchObject({ stale: false, partnerNotServing: true, lastSuccessAt: at(60) });
    expect(fresh.lastError).toContain("status Unknown");
    expect(judgeFreshness({ ...base, fetches, now: 60 + 181 }).stale).toBe(true);
  });

  it("counts from the start of observation when no success was seen, and knows nothing without fetches", () => {
    const none = { windowStart: 1000, lastSuccessAt: null, lastFailureAt: null, lastFailureStatus: null };
    expect(judgeFreshness({ ...base, fetches: none, now: 1100 }).stale).toBe(false);
    expect(judgeFreshness({ ...base, fetches: none, now: 1181 }).stale).toBe(true);
    expect(judgeFreshness({ ...base, fetches: null, now: 99_999 })).toMatchObject({
      stale: false,
      lastSuccessAt: null,
    });
  });

  it("prefers the console's own later refresh error as the last error", () => {
    const fetches = summarizeFetches(series, "bar.example.com", { start: 0, step: 15 });
    const judged = judgeFreshness({
      ...base,
      fetches,
      refreshError: { at: 190, message: "connection refused" },
      now: 200,
    });
    expect(judged).toMatchObject({ lastError: "connection refused", lastErrorAt: at(190) });
  });
});
