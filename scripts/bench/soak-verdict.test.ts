import { describe, expect, it } from "vitest";

import { soakVerdict } from "./soak-verdict.ts";

const samples = (mibs: number[]) => mibs.map((mib, k) => ({ s: k * 30, mib }));

describe("the soak verdict", () => {
  it("holds the samples after the warm-up to the first of them, ignoring the warm-up's growth", () => {
    const verdict = soakVerdict(samples([200, 400, 500, 520, 480, 545]), 60);
    expect(verdict.reference).toEqual({ s: 60, mib: 500 });
    expect(verdict.low).toBeCloseTo(-0.04);
    expect(verdict.high).toBeCloseTo(0.09);
    expect(verdict.held).toBe(true);
    expect(verdict.summary).toContain("within ±10%");
  });

  it("fails a leak past +10% and a drop past -10%", () => {
    expect(soakVerdict(samples([300, 500, 520, 560]), 30).held).toBe(false);
    expect(soakVerdict(samples([300, 500, 440]), 30).held).toBe(false);
  });

  it("does not judge a run with fewer than two samples after the warm-up", () => {
    const verdict = soakVerdict(samples([300, 500]), 30);
    expect(verdict.held).toBe(false);
    expect(verdict.summary).toMatch(/too short/);
  });
});
