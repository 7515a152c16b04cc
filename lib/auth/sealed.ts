import "server-only";

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** Derives a 256-bit AES key for `purpose` from a secret every replica shares. */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "spire-console", purpose, 32));
}

/**
 * Seals a JSON value (AES-256-GCM: confidential and tamper-evident) with an expiry, as a
 * base64url string for a cookie. `aad` binds the value to its use (e.g. the cookie's name).
 */
export function seal(value: unknown, key: Buffer, ttlMs: number, aad: string, now = Date.now()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad));
  const plain = Buffer.from(JSON.stringify({ v: value, exp: now + ttlMs }));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** Opens a sealed value; null when it was tampered with, sealed with another key or purpose, or has expired. */
export function unseal<T>(sealed: string, key: Buffer, aad: string, now = Date.now()): T | null {
  try {
    const raw = Buffer.from(sealed, "base64url");
    if (raw.length < 29) return null;
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
    const { v, exp } = JSON.parse(plain.toString("utf8")) as { v: T; exp: number };
    return typeof exp === "number" && exp > now ? v : null;
  } catch {
    return null;
  }
}
