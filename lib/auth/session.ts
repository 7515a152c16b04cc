import "server-only";

import { createHash, randomBytes } from "node:crypto";

import type { SessionRecord } from "@/lib/store/types";

import { getStore } from "./console-store";
import type { AuthSettings } from "./settings";

/** Sessions are touched at most this often (the idle timeout counts from the last touch). */
const TOUCH_EVERY_MS = 60_000;

/** SHA-256 (hex) of a cookie or token secret: only this is stored. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** What a new session remembers about the user. */
export type SessionIdentity = Pick<SessionRecord, "subject" | "issuer" | "name" | "email" | "groups" | "method"> & {
  idToken: string | null;
};

/**
 * Creates a session; returns the opaque cookie value (never stored) and its lifetime in seconds.
 * Every sign-in also deletes the sessions that have passed their idle or absolute timeout, so
 * expired sessions (and the ID tokens and groups they hold) do not pile up in the store.
 */
export async function createSession(
  identity: SessionIdentity,
  settings: AuthSettings,
  now = Date.now(),
): Promise<{ value: string; maxAgeSeconds: number }> {
  const value = randomBytes(32).toString("base64url");
  const absoluteMs = settings.auth.session.absoluteHours * 3_600_000;
  const store = await getStore();
  await store.sessions.deleteExpired(now, settings.auth.session.idleMinutes * 60_000);
  await store.sessions.create({
    idHash: hashSecret(value),
    ...identity,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + absoluteMs,
  });
  return { value, maxAgeSeconds: Math.floor(absoluteMs / 1000) };
}

/**
 * The live session behind a cookie value, or null when there is none or it has passed its idle
 * or absolute timeout (an expired one is deleted). A live session is touched (throttled).
 */
export async function readSession(
  value: string,
  settings: AuthSettings,
  now = Date.now(),
): Promise<SessionRecord | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(value)) return null;
  const store = await getStore();
  const idHash = hashSecret(value);
  const session = await store.sessions.get(idHash);
  if (!session) return null;
  const idleMs = settings.auth.session.idleMinutes * 60_000;
  if (session.expiresAt <= now || session.lastSeenAt + idleMs <= now) {
    await store.sessions.delete(idHash);
    return null;
  }
  if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await store.sessions.touch(idHash, now);
  return session;
}

/** Ends the session behind a cookie value; returns it (for RP-initiated logout) if it existed. */
export async function destroySession(value: string): Promise<SessionRecord | null> {
  const store = await getStore();
  const idHash = hashSecret(value);
  const session = await store.sessions.get(idHash);
  await store.sessions.delete(idHash);
  return session;
}
