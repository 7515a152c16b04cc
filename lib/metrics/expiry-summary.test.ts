import { describe, expect, it } from "vitest";

import { type ExpirySources, summarizeExpiry } from "./expiry-summary";

const now = Date.parse("2026-03-01T00:00:00Z") / 1000;
const iso = (secondsFromNow: number) => new Date((now + secondsFromNow) * 1000).toISOString();
const slot = (secondsFromNow: number) => ({
  authorityId: "a",
  expiresAt: iso(secondsFromNow),
  upstreamAuthoritySubjectKeyId: "",
});
const ca = (notAfter: string | null) => ({
  subject: "",
  notBefore: null,
  notAfter,
  tainted: false,
  fingerprint: "",
  subjectKeyId: "",
});
const noWit = { supported: false, reason: "unimplemented" } as const;

const sources: ExpirySources = {
  authorities: {
    x509: { active: slot(86_400 * 3), prepared: slot(86_400 * 6), old: slot(-10) },
    jwt: { active: slot(3600), prepared: null, old: null },
    wit: noWit,
  },
  agents: [{ x509SvidExpiresAt: iso(1800) }, { x509SvidExpiresAt: iso(900) }, { x509SvidExpiresAt: null }],
  federated: [
    { trustDomain: "bar.example.com", x509Authorities: [ca(iso(86_400 * 30)), ca(iso(86_400 * 2))] },
    { trustDomain: "empty.example.com", x509Authorities: [ca(null)] },
  ],
  entries: [
    { expiresAt: null },
    { expiresAt: iso(-5) },
    { expiresAt: iso(60) },
    { expiresAt: iso(86_400) },
    { expiresAt: iso(86_401) },
    { expiresAt: iso(86_400 * 7) },
    { expiresAt: iso(86_400 * 7 + 1) },
  ],
};

describe("summarizeExpiry", () => {
  const summary = summarizeExpiry(sources, now);

  it("gives the seconds until the active authorities expire, not the prepared or old ones", () => {
    expect(summary.x509Authority).toBe(86_400 * 3);
    expect(summary.jwtAuthority).toBe(3600);
  });

  it("gives the earliest agent SVID and each federated bundle's earliest CA", () => {
    expect(summary.earliestAgentSvid).toBe(900);
    expect(summary.federated).toEqual([{ trustDomain: "bar.example.com", seconds: 86_400 * 2 }]);
  });

  it("counts expired items, and items within a day and a week (the week includes the day)", () => {
    const count = (kind: string, within: string) =>
      summary.expiring.find((e) => e.kind === kind && e.within === within)?.count;
    expect(count("entry", "expired")).toBe(1);
    expect(count("entry", "24h")).toBe(2);
    expect(count("entry", "7d")).toBe(4);
    expect(count("agent", "24h")).toBe(2);
    expect(count("agent", "expired")).toBe(0);
  });

  it("reports null for what a server does not have and floors to whole seconds", () => {
    const empty = summarizeExpiry(
      {
        authorities: {
          x509: { active: null, prepared: null, old: null },
          jwt: { active: null, prepared: null, old: null },
          wit: noWit,
        },
        agents: [],
        federated: [],
        entries: [{ expiresAt: new Date((now + 10) * 1000 + 999).toISOString() }],
      },
      now,
    );
    expect(empty).toMatchObject({ x509Authority: null, jwtAuthority: null, earliestAgentSvid: null, federated: [] });
    expect(empty.expiring.find((e) => e.kind === "entry" && e.within === "24h")?.count).toBe(1);
  });
});
