import { describe, expect, it } from "vitest";

import {
  alertmanagerBody,
  allowedDestination,
  retryDelays,
  sinkPostUrl,
  testNotification,
  urlHint,
} from "./sink-payloads";
import type { Notification } from "./types";

const t0 = Date.parse("2026-12-06T12:00:00Z");
const resolved: Notification = {
  groupKey: "r1/resolved",
  kind: "resolved",
  at: t0,
  validUntil: t0 + 60_000,
  alerts: [
    {
      fingerprint: "f",
      ruleId: "r1",
      severity: "warning",
      labels: { alertname: "x", server: "foo" },
      summary: "gone",
      status: "resolved",
      startedAt: t0 - 60_000,
      endedAt: t0,
    },
  ],
};

describe("sink payloads", () => {
  it("ends a resolved alert now and a firing one at the notification's validity (Alertmanager)", () => {
    expect(alertmanagerBody(resolved)).toEqual([
      {
        labels: { alertname: "x", server: "foo" },
        annotations: { summary: "gone" },
        startsAt: "2026-12-06T11:59:00.000Z",
        endsAt: "2026-12-06T12:00:00.000Z",
      },
    ]);
    const [firing] = alertmanagerBody(testNotification(t0, "s1")) as { endsAt: string }[];
    expect(firing!.endsAt).toBe("2026-12-06T12:05:00.000Z");
    expect(sinkPostUrl("alertmanager", "http://127.0.0.1:9093/")).toBe("http://127.0.0.1:9093/api/v2/alerts");
  });

  it("allows only URLs under a configured destination", () => {
    const destinations = ["http://127.0.0.1:9093/", "https://hooks.example.com/services"];
    expect(allowedDestination("http://127.0.0.1:9093/api/v2/alerts", destinations)).toBe(true);
    expect(allowedDestination("https://hooks.example.com/services/T1/B2", destinations)).toBe(true);
    expect(allowedDestination("https://hooks.example.com/servicesX", destinations)).toBe(false);
    expect(allowedDestination("http://127.0.0.1:9094/", destinations)).toBe(false);
    expect(allowedDestination("https://user:pw@hooks.example.com/services/a", destinations)).toBe(false);
    expect(allowedDestination("not a url", destinations)).toBe(false);
    expect(allowedDestination("http://127.0.0.1:9093/", [])).toBe(false);
  });

  it("doubles the wait before each retry and shortens URLs to their origin", () => {
    expect(retryDelays(4, 2000)).toEqual([2000, 4000, 8000]);
    expect(retryDelays(1, 2000)).toEqual([]);
    expect(urlHint("https://hooks.example.com/services/T1/B2/secret")).toBe("https://hooks.example.com/…");
    expect(urlHint("http://127.0.0.1:9093")).toBe("http://127.0.0.1:9093");
  });
});
