// The records the store contract writes: sessions, API tokens and audit records at times past 2^32 ms.
import type { NewApiToken, NewAuditRecord, SessionRecord } from "@/lib/store/types";

// Past 2^31 and 2^32, so a driver that narrows or stringifies BIGINT shows it.
export const T0 = 1_900_000_000_123;
export const MINUTE = 60_000;

/** A signed-in user's session at T0, eight hours long, then `overrides`. */
export function session(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    idHash: "a".repeat(64),
    subject: "user-1",
    issuer: "https://idp.example.com",
    name: "Ada Lovelace",
    email: "ada@example.com",
    groups: ["spire-admins", "everyone"],
    method: "oidc",
    idToken: "eyJhbGciOi.id.token",
    createdAt: T0,
    lastSeenAt: T0,
    expiresAt: T0 + 8 * 60 * MINUTE,
    ...overrides,
  };
}

/** An API token for the editor role on foo, made at T0 and valid 30 days, then `overrides`. */
export function token(overrides: Partial<NewApiToken> = {}): NewApiToken {
  return {
    id: "tok-1",
    name: "ci pipeline",
    secretHash: "f".repeat(64),
    bindings: [{ role: "editor", servers: ["foo"] }],
    createdBy: "Ada Lovelace (user-1)",
    createdAt: T0,
    expiresAt: T0 + 30 * 24 * 60 * MINUTE,
    ...overrides,
  };
}

/** An audit record `n` minutes after T0 (actor, server, outcome vary with n). */
export function auditRecord(n: number, overrides: Partial<NewAuditRecord> = {}): NewAuditRecord {
  return {
    id: `01AUDIT${String(n).padStart(19, "0")}`,
    at: T0 + n * MINUTE,
    phase: "event",
    intentId: null,
    batchId: null,
    requestId: `req-${n}`,
    replicaId: "replica-a",
    actor: {
      kind: "user",
      method: "oidc",
      issuer: "https://idp",
      subject: `user-${n % 2}`,
      name: n % 2 ? "Ada" : "Bob",
      groups: ["g"],
      tokenId: null,
    },
    clientAddress: "10.0.0.1",
    server: n % 2 ? "foo" : "bar",
    trustDomain: n % 2 ? "foo.example.com" : "bar.example.com",
    action: n % 3 ? "entry.update" : "agent.ban",
    target: { type: "entry", id: `entry-${n}`, spiffeId: `spiffe://foo.example.com/w/${n}` },
    before: { x509SvidTtl: n },
    after: { x509SvidTtl: n + 1 },
    outcome: n % 4 ? "ok" : "denied",
    error: n % 4 ? null : { code: "permission_denied", message: "no" },
    ...overrides,
  };
}
