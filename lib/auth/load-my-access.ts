import "server-only";

import { headers as nextHeaders } from "next/headers";

import { configuredServers } from "@/lib/servers/resolve-server";

import { readCookie, sessionCookieName } from "./cookies";
import { permittedServers } from "./describe-scope";
import { authorize } from "./guard";
import type { Principal } from "./principal";
import { currentAuth } from "./request-context";
import { readSession } from "./session";

/** When the signed-in user's access ends: the session's absolute and idle limits (epoch ms), if a session. */
export type AccessExpiry = { expiresAt: number; idleUntil: number } | null;

/** What the "Your access" page shows: who is signed in, their bindings, the servers they may see, and expiry. */
export type MyAccess = { principal: Principal; servers: string[]; expiry: AccessExpiry };

/**
 * The signed-in principal's own access (any signed-in principal may read it): the bindings, the configured
 * servers any binding covers, and when the browser session ends (absolute timeout, and idle timeout counted
 * from the last request). An API token's expiry is on the API tokens page, not here.
 */
export async function loadMyAccess(): Promise<MyAccess> {
  const principal = await authorize("session");
  const { settings, secure } = await currentAuth();
  const servers = permittedServers(principal, configuredServers()).map((s) => s.name);
  const cookie = readCookie((await nextHeaders()).get("cookie"), sessionCookieName(secure));
  const session = cookie && principal.method !== "proxy" ? await readSession(cookie, settings) : null;
  const idleMs = settings.auth.session.idleMinutes * 60_000;
  const expiry = session ? { expiresAt: session.expiresAt, idleUntil: session.lastSeenAt + idleMs } : null;
  return { principal, servers, expiry };
}
