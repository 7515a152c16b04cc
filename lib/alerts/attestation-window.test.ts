import { describe, expect, it } from "vitest";

import { countFailedAttestations, failuresInWindow } from "./attestation-window";
import { evaluateRules } from "./evaluate-rules";
import type { ServerSignals } from "./signals";

const minute = 60_000;
const t0 = Date.parse("2026-12-06T12:00:00Z");
const reading = (at: number, failed: number) => ({ at, failed, byStatus: {} });

describe("failed node attestations", () => {
  it("adds up every status but OK", () => {
    const values: { signal: string; labels: Record<string, string>; value: number }[] = [
      { signal: "attest-agent", labels: { status: "OK" }, value: 40 },
      { signal: "attest-agent", labels: { status: "PermissionDenied" }, value: 3 },
      { signal: "attest-agent", labels: { status: "InvalidArgument" }, value: 2 },
      { signal: "x509-svid-signed", labels: {}, value: 99 },
    ];
    expect(countFailedAttestations(values)).toEqual({
      failed: 5,
      byStatus: { PermissionDenied: 3, InvalidArgument: 2 },
    });
  });

  it("counts the growth of counter totals inside the window, a restart from zero", () => {
    expect(failuresInWindow([reading(t0, 7)], t0, 5 * minute)).toBe(0);
    const readings = [reading(t0, 7), reading(t0 + minute, 9), reading(t0 + 2 * minute, 12)];
    expect(failuresInWindow(readings, t0 + 2 * minute, 5 * minute)).toBe(5);
    expect(failuresInWindow([...readings, reading(t0 + 3 * minute, 2)], t0 + 3 * minute, 5 * minute)).toBe(7);
    // Readings older than the window drop out: only the last ones' growth counts.
    expect(failuresInWindow(readings, t0 + 6.5 * minute, 5 * minute)).toBe(3);
  });

  it("raises the rule's alert at its limit and not below", () => {
    const server = (failed: number): ServerSignals => ({
      server: "foo",
      up: true,
      downReason: null,
      authorities: [],
      federation: [],
      agents: [],
      index: null,
      entrySets: [],
      attestations: { failed, byStatus: { PermissionDenied: failed }, source: "prometheus" },
    });
    const rule = {
      id: "a",
      name: "attest",
      kind: "attestation-failures" as const,
      severity: "warning" as const,
      enabled: true,
      servers: [],
      params: { failuresPer5m: 5 },
      repeatMinutes: 60,
      createdAt: 0,
      updatedAt: 0,
    };
    expect(evaluateRules([rule], [server(4)], t0)).toEqual([]);
    const [alert] = evaluateRules([rule], [server(5)], t0);
    expect(alert!.summary).toBe(
      "5 node attestations failed on foo in the last 5 minutes (by status: PermissionDenied: 5); the limit is 5",
    );
  });
});
