import "server-only";

import { headers as nextHeaders } from "next/headers";
import { forbidden, redirect } from "next/navigation";

import { ApiError } from "@/lib/api/api-error";
import { pageServerForCheck } from "@/lib/servers/resolve-server";

import { type Action, actionWords } from "./actions";
import { can, type Resource } from "./can";
import { recordDenial as logDenial } from "./denial-log";
import { matchPage } from "./page-access";
import type { Principal } from "./principal";
import { currentAuth, type RequestAuth } from "./request-context";
import { authSettings } from "./settings";

/**
 * The one authorization check. Every API route (through withApi), every page (through
 * requirePageAccess) and the data-access functions they call go through it: 401 when nobody is
 * signed in, 403 with the reason when the principal may not do `action` on `resource`.
 */
export async function authorize(action: Action, resource: Resource = {}): Promise<Principal> {
  const { principal } = await currentAuth();
  if (!principal) throw new ApiError("unauthenticated", "Sign in to use the console (or send a bearer token).");
  const decision = can(principal, action, resource);
  if (!decision.allowed) {
    const error = new ApiError("permission_denied", `You may not ${actionWords[action]}: ${decision.reason}.`);
    await recordDenial(error, action, resource.server ?? null, resource.entries?.[0]?.spiffeId ?? null);
    throw error;
  }
  return principal;
}

/**
 * Records a refused request in the audit log with its client address and request ID (repeats from
 * one address folded, see denial-log). `request` is the refused request's own context when it was
 * refused before (or without) its authentication becoming current, e.g. a bad token.
 */
export async function recordDenial(
  error: ApiError,
  action: string,
  server: string | null,
  spiffeId: string | null = null,
  request?: Pick<RequestAuth, "principal" | "info" | "requestId" | "settings">,
): Promise<void> {
  const auth = request ?? (await currentAuth().catch(() => null));
  const origin = { clientAddress: auth?.info.clientAddress ?? null, requestId: auth?.requestId ?? null };
  const windowSeconds = (auth?.settings ?? authSettings()).auth.rateLimits.denialFoldSeconds;
  await logDenial({ error, action, server, spiffeId, principal: auth?.principal ?? null, origin }, windowSeconds);
}

/**
 * The same check for a server-rendered page: nobody signed in → the sign-in page (returning here
 * afterwards), denied → the 403 page. Returns the principal so the page can hide what it may not do.
 */
export async function requirePageAccess(action: Action, resource: Resource = {}): Promise<Principal> {
  try {
    return await authorize(action, resource);
  } catch (error) {
    if (error instanceof ApiError && error.code === "unauthenticated") {
      const here = (await nextHeaders()).get("x-console-path") ?? "/";
      redirect(`/auth/login?returnTo=${encodeURIComponent(here)}`);
    }
    if (error instanceof ApiError && error.code === "permission_denied") forbidden();
    throw error;
  }
}

/**
 * The check for the current page, as declared in `pageAccess`: its action, on the server the page
 * shows (`?server=`, else the remembered or first configured one) when it shows one. Called by the console
 * layout (a direct visit to a forbidden page answers 403 before anything streams) and by every
 * page (client-side navigations do not re-run the layout).
 */
export async function requirePage(): Promise<Principal> {
  const path = new URL((await nextHeaders()).get("x-console-path") ?? "/", "http://console.invalid");
  const page = matchPage(path.pathname);
  if (!page) forbidden();
  const server = page.access.perServer ? await pageServerForCheck(path.searchParams.get("server")) : undefined;
  return requirePageAccess(page.access.action, { server });
}

/** Whether the current principal may do `action` on `resource` (for hiding controls; never throws). */
export async function allows(action: Action, resource: Resource = {}): Promise<boolean> {
  const { principal } = await currentAuth();
  return can(principal, action, resource).allowed;
}

/** The servers among `servers` the current principal may do `action` on (views that span servers). */
export async function readableServers<S extends { name: string }>(servers: readonly S[], action: Action): Promise<S[]> {
  const { principal } = await currentAuth();
  return servers.filter((s) => can(principal, action, { server: s.name }).allowed);
}
