import { describe, expect, it } from "vitest";

import { authorityKeyIdOf, subjectKeyIdOf } from "./key-ids";

// A CA and an X509-SVID minted by SPIRE 1.15.3 (`spire-server x509 mint` on the local stack).
const ca = Buffer.from(
  "MIICBDCCAamgAwIBAgIQCat/YO92wGdsheaSfbbopTAKBggqhkjOPQQDAjBPMQswCQYDVQQGEwJVUzEPMA0GA1UEChMGU1BJRkZF" +
    "MS8wLQYDVQQFEyYxMjg1MzUxODI3MDkwNzQ0MjcwODM0ODQ4Njc3MjYwMjYyODI2MTAeFw0yNjExMzAxOTQwNTZaFw0yNjEyMDcxOTQxMDZaME8xCzAJBgNVBAYTAlVTMQ8wDQYDVQQKEwZTUElGRkUxLzAtBgNVBAUTJjEyODUzNTE4MjcwOTA3NDQyNzA4MzQ4NDg2NzcyNjAyNjI4MjYxMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAERA04Rr+hhWL6MKxbWUVd9OhIqxAgZpzkSyN9MgxTIZIUjPoIOyKLdIEqRJw1TvwvhilBlBd5tGODM5bxVFfd6KNnMGUwDgYDVR0PAQH/BAQDAgEGMA8GA1UdEwEB/wQFMAMBAf8wHQYDVR0OBBYEFJxz21um6NI+LUxGLarm5oIG6hLDMCMGA1UdEQQcMBqGGHNwaWZmZTovL2Zvby5leGFtcGxlLmNvbTAKBggqhkjOPQQDAgNJADBGAiEA/4/BDdZ15vW7ANkvdU/604Erc9ureR3wBummks2cOnoCIQDRtcpcRvVE8vIWY2M8nJ+1HeZ/PQnaB/iFL+Ri/NueEw==",
  "base64",
);
const svid = Buffer.from(
  "MIICHTCCAcOgAwIBAgIRAMF/0y5FrgAt+xI+YiKY41swCgYIKoZIzj0EAwIwTzELMAkGA1UEBhMCVVMxDzANBgNVBAoTBlNQSUZG" +
    "RTEvMC0GA1UEBRMmMTI4NTM1MTgyNzA5MDc0NDI3MDgzNDg0ODY3NzI2MDI2MjgyNjEwHhcNMjYxMTMwMTk0NTQ5WhcNMjYxMTMwMjA0NTU5WjAdMQswCQYDVQQGEwJVUzEOMAwGA1UEChMFU1BJUkUwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASP5TNyVZvqrxd19DGqUvAPH7OrR69rh68E3w0OcQVBwJX5fEIybLH1kFsjJc1GvO89Bf9kR1aZmzy+AWlo/eHOo4GxMIGuMA4GA1UdDwEB/wQEAwIDqDAdBgNVHSUEFjAUBggrBgEFBQcDAQYIKwYBBQUHAwIwDAYDVR0TAQH/BAIwADAdBgNVHQ4EFgQUxKjSR16ThoftQfpaRQzZY97uoUUwHwYDVR0jBBgwFoAUnHPbW6bo0j4tTEYtqubmggbqEsMwLwYDVR0RBCgwJoYkc3BpZmZlOi8vZm9vLmV4YW1wbGUuY29tL2tleS1pZC10ZXN0MAoGCCqGSM49BAMCA0gAMEUCICpLX6UMaKDOT/vH2ijkzAFC9e2HzxqMoqGcqSHDIOqqAiEAhKXi+8inoiXkHz0oH7H5xz6nDTBfvTVTHKV5IItqfdQ=",
  "base64",
);

describe("key identifiers", () => {
  it("reads the CA's Subject Key Identifier as SPIRE names the authority", () => {
    expect(subjectKeyIdOf(ca)).toBe("9c73db5ba6e8d23e2d4c462daae6e68206ea12c3");
    expect(authorityKeyIdOf(ca)).toBeNull();
  });

  it("reads which authority signed an SVID", () => {
    expect(authorityKeyIdOf(svid)).toBe("9c73db5ba6e8d23e2d4c462daae6e68206ea12c3");
    expect(subjectKeyIdOf(svid)).toBe("c4a8d2475e938687ed41fa5a450cd963deeea145");
  });

  it("answers null for bytes that are not a certificate", () => {
    expect(subjectKeyIdOf(Buffer.from("not a certificate"))).toBeNull();
    expect(authorityKeyIdOf(ca.subarray(0, 40))).toBeNull();
  });
});
