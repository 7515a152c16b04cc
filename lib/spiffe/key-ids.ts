// Key identifiers of X.509 certificates, read straight from the DER (Node's X509Certificate does
// not expose them). SPIRE names an X.509 authority by its Subject Key Identifier in lowercase hex
// (x509util.SubjectKeyIDToString), and the Authority Key Identifier of a certificate names the CA
// that signed it, so these two tell which authority a certificate belongs to.

type Tlv = { tag: number; start: number; end: number };

/** Reads the TLV at `offset`: its tag, and where its contents start and end. Throws on bad DER. */
function readTlv(der: Uint8Array, offset: number): Tlv {
  const tag = der[offset];
  const first = der[offset + 1];
  if (tag === undefined || first === undefined) throw new Error("truncated DER");
  let length = first;
  let start = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Error("unsupported DER length");
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[start + i] ?? 0);
    start += count;
  }
  const end = start + length;
  if (end > der.length) throw new Error("truncated DER");
  return { tag, start, end };
}

/** The TLVs directly inside a constructed value. */
function children(der: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.start; at < parent.end;) {
    const tlv = readTlv(der, at);
    out.push(tlv);
    at = tlv.end;
  }
  return out;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

/** Extension OID (dotted) → its extnValue contents, for every extension of the certificate. */
function extensions(der: Uint8Array): Map<string, Uint8Array> {
  const certificate = readTlv(der, 0);
  const tbs = children(der, certificate)[0];
  const out = new Map<string, Uint8Array>();
  if (!tbs) return out;
  // extensions are the [3] EXPLICIT field of TBSCertificate, holding a SEQUENCE of Extension.
  const wrapper = children(der, tbs).find((tlv) => tlv.tag === 0xa3);
  const list = wrapper ? children(der, wrapper)[0] : undefined;
  if (!list) return out;
  for (const extension of children(der, list)) {
    const [oid, ...rest] = children(der, extension);
    const value = rest.find((tlv) => tlv.tag === 0x04);
    if (oid?.tag !== 0x06 || !value) continue;
    out.set(hex(der.subarray(oid.start, oid.end)), der.subarray(value.start, value.end));
  }
  return out;
}

// OIDs as the hex of their DER contents: 2.5.29.14 and 2.5.29.35.
const SUBJECT_KEY_ID = "551d0e";
const AUTHORITY_KEY_ID = "551d23";

/** The certificate's Subject Key Identifier as lowercase hex (SPIRE's X.509 authority ID), or null. */
export function subjectKeyIdOf(der: Uint8Array): string | null {
  try {
    const value = extensions(der).get(SUBJECT_KEY_ID);
    if (!value) return null;
    const octets = readTlv(value, 0);
    return octets.tag === 0x04 ? hex(value.subarray(octets.start, octets.end)) : null;
  } catch {
    return null;
  }
}

/** The keyIdentifier of the certificate's Authority Key Identifier (its signer's SKID) as hex, or null. */
export function authorityKeyIdOf(der: Uint8Array): string | null {
  try {
    const value = extensions(der).get(AUTHORITY_KEY_ID);
    if (!value) return null;
    const sequence = readTlv(value, 0);
    const keyId = children(value, sequence).find((tlv) => tlv.tag === 0x80);
    return keyId ? hex(value.subarray(keyId.start, keyId.end)) : null;
  } catch {
    return null;
  }
}
