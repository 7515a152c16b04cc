import { X509Certificate } from "node:crypto";

/**
 * Splits concatenated DER certificates (the Workload API's `x509_svid`, `bundle` and
 * `federated_bundles` values) into one buffer per certificate. Throws on malformed input.
 */
export function splitDerCertificates(der: Uint8Array): Buffer[] {
  const bytes = Buffer.from(der.buffer, der.byteOffset, der.byteLength);
  const certificates: Buffer[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0x30) throw new Error(`not a DER SEQUENCE at byte ${offset}`);
    const first = bytes[offset + 1];
    if (first === undefined) throw new Error("truncated DER length");
    let length = first;
    let header = 2;
    if (first & 0x80) {
      const count = first & 0x7f;
      if (count === 0 || count > 4) throw new Error(`unsupported DER length of ${count} bytes`);
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + (bytes[offset + 2 + i] ?? 0);
      header = 2 + count;
    }
    const end = offset + header + length;
    if (end > bytes.length) throw new Error("truncated DER certificate");
    certificates.push(bytes.subarray(offset, end));
    offset = end;
  }
  return certificates;
}

/** PEM text of DER certificates, in order. */
export function certificatesToPem(certificates: readonly Buffer[]): string {
  return certificates.map((der) => new X509Certificate(der).toString()).join("");
}

/** Every URI SAN of a certificate, from Node's `subjectaltname` text ("URI:spiffe://..., DNS:..."). */
export function uriSans(subjectAltName: string | undefined): string[] {
  return (subjectAltName ?? "")
    .split(", ")
    .filter((san) => san.startsWith("URI:"))
    .map((san) => san.slice("URI:".length));
}

/** The URI SAN that is a SPIFFE ID, from Node's `subjectaltname` text ("URI:spiffe://..., DNS:..."). */
export function spiffeIdFromSan(subjectAltName: string | undefined): string | null {
  return uriSans(subjectAltName).find((uri) => uri.startsWith("spiffe://")) ?? null;
}

/** The trust domain of a SPIFFE ID (`spiffe://td/path` → `td`). */
export function trustDomainOf(spiffeId: string): string {
  return new URL(spiffeId).host;
}
