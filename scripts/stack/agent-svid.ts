// Reads the SVID a spire-agent stored in <data_dir>/agent-data.json, to learn its
// SPIFFE ID and whether a restart can reuse it (join tokens work only once).
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface StoredSvid {
  spiffeId: string;
  notAfter: Date;
}

/** The agent's stored SVID, or null if there is none (fields: svid = base64 PEM blocks). */
export function readStoredSvid(agentDataDir: string): StoredSvid | null {
  const file = path.join(agentDataDir, "agent-data.json");
  if (!existsSync(file)) return null;
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as { svid?: string[] | null };
    const leaf = data.svid?.[0];
    if (!leaf) return null;
    const cert = new X509Certificate(Buffer.from(leaf, "base64"));
    const uri = cert.subjectAltName?.split(", ").find((san) => san.startsWith("URI:spiffe://"));
    if (!uri) return null;
    return { spiffeId: uri.slice("URI:".length), notAfter: new Date(cert.validTo) };
  } catch {
    return null;
  }
}

/** True if the stored SVID stays valid for at least `marginMs` more. */
export function isReusable(svid: StoredSvid, marginMs = 120_000): boolean {
  return svid.notAfter.getTime() - Date.now() > marginMs;
}
