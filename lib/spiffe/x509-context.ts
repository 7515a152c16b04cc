import { X509Certificate } from "node:crypto";

import { splitDerCertificates, trustDomainOf } from "./der";

/** One X509-SVID as received from the Workload API (DER, ready for a TLS secure context). */
export type X509Svid = {
  spiffeId: string;
  hint: string;
  /** Leaf first, then intermediates. */
  chain: Buffer[];
  /** PKCS#8 private key. */
  key: Buffer;
  notBefore: Date;
  notAfter: Date;
};

/** Everything one FetchX509SVID message carries: the SVIDs and every trusted bundle. */
export type X509Context = {
  svids: X509Svid[];
  /** Trust domain (`foo.example.com`) → its X.509 authorities, own and federated. */
  bundles: Map<string, Buffer[]>;
  receivedAt: Date;
};

/** The FetchX509SVID response as @grpc/proto-loader decodes it (camelCase, bytes as Buffer). */
export type PbX509SvidResponse = {
  svids?: { spiffeId?: string; x509Svid?: Uint8Array; x509SvidKey?: Uint8Array; bundle?: Uint8Array; hint?: string }[];
  federatedBundles?: Record<string, Uint8Array>;
};

/** Turns one Workload API message into an X509Context; throws on malformed certificates. */
export function toX509Context(pb: PbX509SvidResponse, receivedAt = new Date()): X509Context {
  const bundles = new Map<string, Buffer[]>();
  const svids = (pb.svids ?? []).map((svid): X509Svid => {
    const spiffeId = svid.spiffeId ?? "";
    const chain = splitDerCertificates(svid.x509Svid ?? new Uint8Array());
    const leaf = chain[0];
    if (!spiffeId || !leaf) throw new Error("the Workload API sent an X509-SVID without an ID or certificate");
    const cert = new X509Certificate(leaf);
    bundles.set(trustDomainOf(spiffeId), splitDerCertificates(svid.bundle ?? new Uint8Array()));
    return {
      spiffeId,
      hint: svid.hint ?? "",
      chain,
      key: Buffer.from(svid.x509SvidKey ?? new Uint8Array()),
      notBefore: new Date(cert.validFrom),
      notAfter: new Date(cert.validTo),
    };
  });
  for (const [id, der] of Object.entries(pb.federatedBundles ?? {})) {
    const trustDomain = id.startsWith("spiffe://") ? trustDomainOf(id) : id;
    if (!bundles.has(trustDomain)) bundles.set(trustDomain, splitDerCertificates(der));
  }
  return { svids, bundles, receivedAt };
}

/**
 * The SVID the console uses: the one with `spiffeId` when configured, else the first (the
 * Workload API's default). Returns null when the agent did not issue the wanted ID.
 */
export function pickSvid(context: X509Context, spiffeId?: string): X509Svid | null {
  if (spiffeId) return context.svids.find((svid) => svid.spiffeId === spiffeId) ?? null;
  return context.svids[0] ?? null;
}
