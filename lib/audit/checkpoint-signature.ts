import "server-only";

import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import { readFileSync } from "node:fs";

import type { AuditCheckpoint } from "@/lib/store/types";

// Signed checkpoints of the audit chain (Ed25519 via node:crypto).

/** A checkpoint before it is signed. */
export type UnsignedCheckpoint = Omit<AuditCheckpoint, "keyId" | "signature">;

/** The bytes a checkpoint's signature covers: every field in a fixed order, under a version tag. */
export function checkpointPayload(c: UnsignedCheckpoint, keyId: string): Buffer {
  const fields = ["spire-console audit checkpoint v1", c.id, c.at, c.replicaId, keyId];
  return Buffer.from(JSON.stringify([...fields, c.anchor.seq, c.anchor.hash, c.head.seq, c.head.hash]));
}

/** The first 16 hex digits of the SHA-256 of a public key (SPKI DER): which key signed a checkpoint. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16);
}

/** Signs a checkpoint with an Ed25519 private key. */
export function signCheckpoint(c: UnsignedCheckpoint, privateKey: KeyObject): AuditCheckpoint {
  const keyId = keyIdOf(createPublicKey(privateKey));
  const signature = sign(null, checkpointPayload(c, keyId), privateKey).toString("base64");
  return { ...c, keyId, signature };
}

/** True when the checkpoint carries a valid signature of `publicKey` over exactly its fields. */
export function checkCheckpointSignature(c: AuditCheckpoint, publicKey: KeyObject): boolean {
  if (c.keyId !== keyIdOf(publicKey)) return false;
  try {
    return verify(null, checkpointPayload(c, c.keyId), publicKey, Buffer.from(c.signature, "base64"));
  } catch {
    return false;
  }
}

function ed25519(key: KeyObject, file: string): KeyObject {
  if (key.asymmetricKeyType !== "ed25519") {
    throw new Error(
      `${file} holds a ${key.asymmetricKeyType ?? "symmetric"} key; the audit signing key must be Ed25519`,
    );
  }
  return key;
}

/** The Ed25519 private key in a PEM file (PKCS#8, e.g. `openssl genpkey -algorithm ed25519`). */
export function readPrivateKey(file: string): KeyObject {
  return ed25519(createPrivateKey(readFileSync(file)), file);
}

/** The Ed25519 public key in a PEM file: an SPKI public key, or derived from a private key. */
export function readPublicKey(file: string): KeyObject {
  const pem = readFileSync(file, "utf8");
  return ed25519(createPublicKey(pem.includes("PRIVATE KEY") ? createPrivateKey(pem) : pem), file);
}
