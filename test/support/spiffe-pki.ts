// Test-only helpers: a throw-away SPIFFE CA and SVIDs on node:crypto (no openssl), for unit tests
// of the Workload API client and the console's TLS material.
import { createPrivateKey, X509Certificate } from "node:crypto";

import { issueCertificate } from "../../scripts/stack/x509-der.ts";

export type TestCa = { trustDomain: string; certPem: string; keyPem: string; der: Buffer };
export type TestSvid = { spiffeId: string; certPem: string; keyPem: string; der: Buffer; keyDer: Buffer };

/** A self-signed CA for `trustDomain`. */
export function makeCa(trustDomain: string): TestCa {
  const ca = issueCertificate({
    commonName: `${trustDomain} CA`,
    organization: "test",
    isCA: true,
    uris: [`spiffe://${trustDomain}`],
    days: 2,
  });
  return { trustDomain, ...ca, der: Buffer.from(new X509Certificate(ca.certPem).raw) };
}

/** An X509-SVID for `spiffeId` signed by `ca`, valid for `days` (negative: already expired). */
export function makeSvid(ca: TestCa, spiffeId: string, days = 1): TestSvid {
  const svid = issueCertificate({
    commonName: spiffeId,
    organization: "test",
    isCA: false,
    uris: [spiffeId],
    days,
    issuer: { commonName: `${ca.trustDomain} CA`, organization: "test", keyPem: ca.keyPem },
  });
  return {
    spiffeId,
    ...svid,
    der: Buffer.from(new X509Certificate(svid.certPem).raw),
    keyDer: createPrivateKey(svid.keyPem).export({ format: "der", type: "pkcs8" }),
  };
}
