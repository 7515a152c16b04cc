import { X509Certificate } from "node:crypto";

import { subjectKeyIdOf } from "@/lib/spiffe/key-ids";

/** The authorities a bundle copy in a ConfigMap holds: X.509 CAs by subject key ID, JWT keys by key ID. */
export type BundleKeys = { x509: { id: string; notAfter: string | null }[]; jwt: { id: string }[] };

type Jwk = { use?: string; kid?: string; x5c?: string[] };

function fromDer(der: Buffer): BundleKeys["x509"][number] | null {
  try {
    const cert = new X509Certificate(der);
    const id = subjectKeyIdOf(cert.raw);
    return id ? { id, notAfter: new Date(cert.validTo).toISOString() } : null;
  } catch {
    return null;
  }
}

/**
 * Reads a trust bundle as SPIRE publishes it into a ConfigMap: PEM certificates (the k8sbundle
 * notifier, the `pem` format) or a JWKS (the `spiffe` and `jwks` formats: `x509-svid` keys carry
 * the CA in `x5c`, `jwt-svid` keys their `kid`). Unreadable parts are skipped.
 */
export function parseBundleKeys(text: string): BundleKeys {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    let keys: Jwk[];
    try {
      keys = ((JSON.parse(trimmed) as { keys?: Jwk[] }).keys ?? []).filter((k) => k && typeof k === "object");
    } catch {
      return { x509: [], jwt: [] };
    }
    return {
      x509: keys
        .filter((k) => k.use === "x509-svid" && k.x5c?.[0])
        .flatMap((k) => fromDer(Buffer.from(k.x5c![0]!, "base64")) ?? []),
      jwt: keys.filter((k) => k.use === "jwt-svid" && k.kid).map((k) => ({ id: k.kid! })),
    };
  }
  const blocks = trimmed.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const x509 = blocks.flatMap((block) => {
    const body = block.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, "");
    return fromDer(Buffer.from(body, "base64")) ?? [];
  });
  return { x509, jwt: [] };
}
