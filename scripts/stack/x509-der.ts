// Minimal X.509 issuer on node:crypto (ECDSA P-256), the fallback for machines
// without the openssl CLI. Encodes just the DER the demo fleet certificates need.
import type { KeyObject } from "node:crypto";
import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from "node:crypto";

export interface IssueInput {
  commonName: string;
  organization: string;
  isCA: boolean;
  uris?: readonly string[];
  days: number;
  /** Signer; omitted for a self-signed certificate. */
  issuer?: { commonName: string; organization: string; keyPem: string };
}

const tlv = (tag: number, body: Buffer): Buffer => {
  const n = body.length;
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
};
const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts));
const int = (bytes: Buffer) => tlv(0x02, (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, "utf8"));
const octets = (body: Buffer) => tlv(0x04, body);
const bits = (body: Buffer, unused = 0) => tlv(0x03, Buffer.concat([Buffer.from([unused]), body]));
const bool = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0]));
const explicit = (n: number, body: Buffer) => tlv(0xa0 + n, body);

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split(".").map(Number);
  const out = [40 * a + b];
  for (const v of rest) {
    const chunk = [v & 0x7f];
    for (let x = v >> 7; x > 0; x >>= 7) chunk.unshift((x & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function utcTime(date: Date): Buffer {
  const s = date.toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z"; // YYMMDDHHMMSSZ
  return tlv(0x17, Buffer.from(s, "ascii"));
}

const name = (cn: string, o: string) => seq(set(seq(oid("2.5.4.10"), utf8(o))), set(seq(oid("2.5.4.3"), utf8(cn))));
const extension = (id: string, critical: boolean, value: Buffer) =>
  seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
const ecdsaWithSha256 = seq(oid("1.2.840.10045.4.3.2"));

/** Random positive 16-byte serial with a non-zero first byte (minimal DER). */
function serial(): Buffer {
  const bytes = randomBytes(16);
  bytes[0] = 0x40 | ((bytes[0] ?? 0) & 0x3f);
  return bytes;
}

/** Issues a certificate with a fresh P-256 key; returns both as PEM. */
export function issueCertificate(input: IssueInput): { certPem: string; keyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const issuer = input.issuer ?? { ...input, keyPem: "" };
  const signer: KeyObject = input.issuer ? createPrivateKey(input.issuer.keyPem) : privateKey;
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(Date.now() + input.days * 86_400_000);
  const extensions = [
    extension("2.5.29.19", true, input.isCA ? seq(bool(true)) : seq()),
    // keyUsage: keyCertSign+cRLSign for the CA, digitalSignature for leaves
    extension("2.5.29.15", true, input.isCA ? bits(Buffer.from([0x06]), 1) : bits(Buffer.from([0x80]), 7)),
  ];
  if (input.uris?.length) {
    const names = input.uris.map((u) => tlv(0x86, Buffer.from(u, "ascii")));
    extensions.push(extension("2.5.29.17", false, seq(...names)));
  }
  const tbs = seq(
    explicit(0, int(Buffer.from([2]))),
    int(serial()),
    ecdsaWithSha256,
    name(issuer.commonName, issuer.organization),
    seq(utcTime(notBefore), utcTime(notAfter)),
    name(input.commonName, input.organization),
    publicKey.export({ type: "spki", format: "der" }),
    explicit(3, seq(...extensions)),
  );
  const der = seq(tbs, ecdsaWithSha256, bits(sign("sha256", tbs, signer)));
  const body =
    der
      .toString("base64")
      .match(/.{1,64}/g)
      ?.join("\n") ?? "";
  return {
    certPem: `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`,
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}
