import { describe, expect, it } from "vitest";

import { parseBundleKeys } from "./bundle-keys";

// The CA minted by SPIRE 1.15.3 that lib/spiffe/key-ids.test.ts reads too (its SKID is SPIRE's authority ID).
const der =
  "MIICBDCCAamgAwIBAgIQCat/YO92wGdsheaSfbbopTAKBggqhkjOPQQDAjBPMQswCQYDVQQGEwJVUzEPMA0GA1UEChMGU1BJRkZF" +
  "MS8wLQYDVQQFEyYxMjg1MzUxODI3MDkwNzQ0MjcwODM0ODQ4Njc3MjYwMjYyODI2MTAeFw0yNjExMzAxOTQwNTZaFw0yNjEyMDcxOTQxMDZaME8x" +
  "CzAJBgNVBAYTAlVTMQ8wDQYDVQQKEwZTUElGRkUxLzAtBgNVBAUTJjEyODUzNTE4MjcwOTA3NDQyNzA4MzQ4NDg2NzcyNjAyNjI4MjYxMFkwEwYH" +
  "KoZIzj0CAQYIKoZIzj0DAQcDQgAERA04Rr+hhWL6MKxbWUVd9OhIqxAgZpzkSyN9MgxTIZIUjPoIOyKLdIEqRJw1TvwvhilBlBd5tGODM5bxVFfd" +
  "6KNnMGUwDgYDVR0PAQH/BAQDAgEGMA8GA1UdEwEB/wQFMAMBAf8wHQYDVR0OBBYEFJxz21um6NI+LUxGLarm5oIG6hLDMCMGA1UdEQQcMBqGGHNw" +
  "aWZmZTovL2Zvby5leGFtcGxlLmNvbTAKBggqhkjOPQQDAgNJADBGAiEA/4/BDdZ15vW7ANkvdU/604Erc9ureR3wBummks2cOnoCIQDRtcpcRvVE" +
  "8vIWY2M8nJ+1HeZ/PQnaB/iFL+Ri/NueEw==";
const SKID = "9c73db5ba6e8d23e2d4c462daae6e68206ea12c3";
const pem = `-----BEGIN CERTIFICATE-----\n${der.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;

describe("parseBundleKeys", () => {
  it("names the CAs of a PEM bundle by subject key ID, as SPIRE names its X.509 authorities", () => {
    expect(parseBundleKeys(pem + pem)).toEqual({
      x509: [
        { id: SKID, notAfter: "2026-12-07T19:41:06.000Z" },
        { id: SKID, notAfter: "2026-12-07T19:41:06.000Z" },
      ],
      jwt: [],
    });
  });

  it("reads the spiffe/jwks formats: x509-svid keys by their x5c CA, jwt-svid keys by kid", () => {
    const jwks = JSON.stringify({
      keys: [
        { use: "x509-svid", kty: "EC", x5c: [der] },
        { use: "jwt-svid", kty: "EC", kid: "k1" },
        { use: "jwt-svid", kty: "EC" },
      ],
      spiffe_refresh_hint: 300,
    });
    expect(parseBundleKeys(jwks)).toEqual({
      x509: [{ id: SKID, notAfter: "2026-12-07T19:41:06.000Z" }],
      jwt: [{ id: "k1" }],
    });
  });

  it("holds nothing for empty, broken or foreign text", () => {
    expect(parseBundleKeys("")).toEqual({ x509: [], jwt: [] });
    expect(parseBundleKeys("{not json")).toEqual({ x509: [], jwt: [] });
    expect(parseBundleKeys("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")).toEqual({
      x509: [],
      jwt: [],
    });
  });
});
