import "server-only";

import type { z } from "zod";

import type { Action } from "@/lib/auth/actions";
import { isMutation } from "@/lib/auth/actions";
import { authorize, recordDenial } from "@/lib/auth/guard";
import { authenticateHeaders, type RequestAuth, runWithAuth } from "@/lib/auth/request-context";
import { checkMutationRate, checkOrigin } from "@/lib/auth/request-guards";
import { readRequestInfo } from "@/lib/auth/request-info";
import { authSettings } from "@/lib/auth/settings";
import type { ServerConfig } from "@/lib/config/schema";
import { readQuery } from "@/lib/schemas/query-string";
import { getServerConfig } from "@/lib/servers/resolve-server";

import { ApiError } from "./api-error";
import { redactPaths, seesFilePaths } from "./redact-paths";
import { parseOrThrow } from "./zod-issues";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** Path parameters after parsing; a `server` name becomes that server's config (404 if unknown). */
type Resolved<T> = T extends { server: string } ? Omit<T, "server"> & { server: ServerConfig } : T;

/** What a route declares once, beside its handler. */
export type RouteSpec<PS extends z.ZodType | undefined, QS extends z.ZodType | undefined> = {
  /** What the route does: the one authorization check decides whether the caller may. */
  action: Action;
  /** Schema of the path parameters (Next has decoded them once). */
  params?: PS;
  /** Schema of the query string, read with `readQuery` (repeatable keys as arrays). */
  query?: QS;
  /** The query's optional `server` is the server the action is checked on (routes outside /api/servers/…). */
  serverInQuery?: boolean;
};

export type RouteInput<PS extends z.ZodType | undefined, QS extends z.ZodType | undefined> = {
  request: Request;
  params: PS extends z.ZodType ? Resolved<z.output<PS>> : Record<string, never>;
  query: QS extends z.ZodType ? z.output<QS> : undefined;
};

const changesMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Wraps every API route. In order: refuses a foreign Host (421); authenticates (401 when nobody
 * is signed in); for POST/PUT/PATCH/DELETE checks the Origin (CSRF) and, for changes, the rate
 * limit (429); parses the path and query with the route's schemas (400 naming the field) and
 * resolves `server`, from the path or (`serverInQuery`) the query (404); runs the one authorization
 * check for the declared action on that server (403 with the reason); then the handler. Every error
 * becomes the one JSON error shape; unknown errors a generic 500 whose details go to the server log only.
 */
export function withApi<PS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<PS, QS>,
  handler: (input: RouteInput<PS, QS>) => Promise<unknown>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    let admin = false;
    let auth: RequestAuth | null = null;
    try {
      auth = await authenticateHeaders(request.headers);
      admin = seesFilePaths(auth.principal);
      const principal = auth.principal;
      if (!principal) throw new ApiError("unauthenticated", "Sign in to use the console (or send a bearer token).");
      if (changesMethods.has(request.method)) checkOrigin(request.headers, principal, auth.origin);
      if (isMutation(spec.action)) checkMutationRate(principal, auth.settings);
      const raw = await context.params;
      const parsed = (spec.params ? parseOrThrow(spec.params, raw, "path") : {}) as Record<string, unknown>;
      if (typeof parsed.server === "string") parsed.server = getServerConfig(parsed.server);
      const query = spec.query
        ? parseOrThrow(spec.query, readQuery(new URL(request.url).searchParams), "query")
        : undefined;
      const server =
        (parsed.server as ServerConfig | undefined)?.name ?? (spec.serverInQuery ? queryServer(query) : undefined);
      const result = await runWithAuth(auth, async () => {
        await authorize(spec.action, { server });
        return handler({ request, params: parsed, query } as RouteInput<PS, QS>);
      });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      const refusedToken =
        error instanceof ApiError && error.code === "unauthenticated" && request.headers.has("authorization");
      // A 429 before authentication is the limit on failed authentications (one address guessing credentials).
      const throttled = error instanceof ApiError && error.code === "too_many_requests" && auth === null;
      if (error instanceof ApiError && (error.code === "permission_denied" || refusedToken || throttled)) {
        await recordDenial(error, spec.action, null, null, auth ?? refusedRequest(request.headers));
      }
      return errorResponse(error, admin);
    }
  };
}

/** A refused request's own address and ID, for its audit record (its principal, if any, is not believed). */
function refusedRequest(headers: Headers) {
  const settings = authSettings();
  return {
    principal: null,
    info: readRequestInfo(headers, settings),
    requestId: headers.get("x-request-id"),
    settings,
  };
}

/**
 * The server a query names (`?server=`), resolved so that an unknown name is a 404; undefined when
 * none is named (the loader then picks one and checks it).
 */
function queryServer(query: unknown): string | undefined {
  const name = (query as { server?: unknown } | undefined)?.server;
  return typeof name === "string" ? getServerConfig(name).name : undefined;
}

/**
 * Builds the JSON response for an error thrown anywhere below a route. Internal file paths in
 * the message are shown to admins only.
 */
export function errorResponse(error: unknown, admin = false): Response {
  if (error instanceof ApiError) {
    const body = error.toBody();
    if (!admin) body.error.message = redactPaths(body.error.message);
    return Response.json(body, { status: error.status, headers: error.headers });
  }
  console.error("[api] unexpected error", error);
  const internal = new ApiError("internal", "Internal error: the console could not complete the request.");
  return Response.json(internal.toBody(), { status: internal.status });
}
