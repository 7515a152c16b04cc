import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { checkCheckpointSignature, readPrivateKey, readPublicKey, signCheckpoint } from "./checkpoint-signature";

const dir = mkdtempSync(path.join(tmpdir(), "spc-signing-"));
const unsigned = {
  id: "01CHECKPOINT00000000000000",
  at: Date.UTC(2026, 11, 6),
  replicaId: "r1",
  anchor: { seq: 40, hash: "a".repeat(64) },
  head: { seq: 100, hash: "b".repeat(64) },
};

describe("signed checkpoints", () => {
  // The one-liners of docs/configuration.md ("Audit log and several replicas"): the key the console signs with, and the public half audit:verify needs.
  execFileSync("openssl", ["genpkey", "-algorithm", "ed25519", "-out", path.join(dir, "key.pem")]);
  execFileSync("openssl", ["pkey", "-in", path.join(dir, "key.pem"), "-pubout", "-out", path.join(dir, "pub.pem")]);
  const privateKey = readPrivateKey(path.join(dir, "key.pem"));
  const publicKey = readPublicKey(path.join(dir, "pub.pem"));

  it("verifies with the public key (configured or derived from the private key)", () => {
    const checkpoint = signCheckpoint(unsigned, privateKey);
    expect(checkpoint.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(checkCheckpointSignature(checkpoint, publicKey)).toBe(true);
    expect(checkCheckpointSignature(checkpoint, readPublicKey(path.join(dir, "key.pem")))).toBe(true);
  });

  it("fails when any signed field changes, or for another key", () => {
    const checkpoint = signCheckpoint(unsigned, privateKey);
    const changed = [
      { ...checkpoint, head: { seq: 95, hash: checkpoint.head.hash } },
      { ...checkpoint, head: { seq: 100, hash: "c".repeat(64) } },
      { ...checkpoint, anchor: { seq: 0, hash: "0".repeat(64) } },
      { ...checkpoint, at: checkpoint.at + 1 },
      { ...checkpoint, signature: "AAAA" },
    ];
    for (const c of changed) expect(checkCheckpointSignature(c, publicKey)).toBe(false);
    const other = generateKeyPairSync("ed25519");
    const forged = signCheckpoint(unsigned, other.privateKey);
    expect(checkCheckpointSignature(forged, publicKey)).toBe(false);
    expect(checkCheckpointSignature({ ...forged, keyId: checkpoint.keyId }, publicKey)).toBe(false);
  });

  it("refuses a key that is not Ed25519", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    writeFileSync(path.join(dir, "rsa.pem"), rsa.privateKey.export({ type: "pkcs8", format: "pem" }));
    expect(() => readPrivateKey(path.join(dir, "rsa.pem"))).toThrow(
      /rsa\.pem holds a rsa key; the audit signing key must be Ed25519/,
    );
  });
});
