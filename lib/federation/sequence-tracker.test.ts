import { describe, expect, it } from "vitest";

import type { Bundle } from "@/lib/spire/types";

import { noteBundleVersion } from "./sequence-tracker";

const ca = (fingerprint: string) => ({
  subject: "O=bar",
  notBefore: null,
  notAfter: null,
  tainted: false,
  fingerprint,
  subjectKeyId: "",
});
const bundle = (fingerprints: string[]): Bundle => ({
  trustDomain: "bar.example.com",
  x509Authorities: fingerprints.map(ca),
  jwtAuthorities: [],
  witAuthorities: [],
  refreshHint: 60,
  sequenceNumber: "0",
});

describe("noteBundleVersion", () => {
  it("says when the held bundle changed, even with SPIRE's sequence number 0 on a fetched bundle", () => {
    const server = `s-${Math.random()}`;
    expect(noteBundleVersion(server, "bar.example.com", bundle(["a"]), 100)).toEqual({ number: "0", changedAt: null });
    expect(noteBundleVersion(server, "bar.example.com", bundle(["a"]), 110).changedAt).toBeNull();
    expect(noteBundleVersion(server, "bar.example.com", bundle(["b", "a"]), 120).changedAt).toBe(120);
    expect(noteBundleVersion(server, "bar.example.com", bundle(["a", "b"]), 130).changedAt).toBe(120);
    expect(noteBundleVersion(server, "bar.example.com", null, 140)).toEqual({ number: null, changedAt: null });
  });
});
