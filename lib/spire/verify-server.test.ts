import type { PeerCertificate } from "node:tls";

import { describe, expect, it } from "vitest";

import { verifySpireServer } from "./credentials";

const cert = (subjectaltname: string) => ({ subjectaltname }) as PeerCertificate;

describe("verifySpireServer", () => {
  it("accepts the trust domain's SPIRE server ID", () => {
    expect(verifySpireServer("bar.example.com", cert("URI:spiffe://bar.example.com/spire/server"))).toBeNull();
  });

  it.each([
    ["another trust domain's server", "URI:spiffe://foo.example.com/spire/server", /expected spiffe:\/\/bar/],
    ["a workload of the right trust domain", "URI:spiffe://bar.example.com/db", /server ID mismatch/],
    ["no URI SAN", "DNS:bar.example.com", /exactly one URI SAN.*has 0/],
    [
      "two URI SANs (e.g. a bundle with several trust domains' CAs signing a crafted cert)",
      "URI:spiffe://bar.example.com/spire/server, URI:spiffe://foo.example.com/spire/server",
      /exactly one URI SAN.*has 2/,
    ],
    ["a non-SPIFFE URI", "URI:https://bar.example.com/", /no SPIFFE ID/],
  ])("refuses %s", (_name, san, reason) => {
    expect(verifySpireServer("bar.example.com", cert(san))).toMatch(reason);
  });

  it("refuses to guess without a configured trust domain", () => {
    expect(verifySpireServer(undefined, cert("URI:spiffe://bar.example.com/spire/server"))).toMatch(/trustDomain/);
  });
});
