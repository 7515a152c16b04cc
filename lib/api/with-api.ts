import "server-only";

import type { z } from "zod";

import type { Action } from "@/lib/auth/actions";
import type { ServerConfig } from "@/lib/config/schema";
import { readQuery } from "@/lib/schemas/query-string";
import { getServerConfig } from "@/lib/servers/resolve-server";

import { ApiError } from "./api-error";
import { authorizeRequest } from "./authorize";
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
};

export type RouteInput<PS extends z.ZodType | undefined, QS extends z.ZodType | undefined> = {
  request: Request;
  params: PS extends z.ZodType ? Resolved<z.output<PS>> : Record<string, never>;
  query: QS extends z.ZodType ? z.output<QS> : undefined;
};

/**
 * Wraps every API route: authorizes the declared action, parses the path parameters and the
 * query with the route's schemas (400 naming the field), resolves `server`, runs the handler
 * and turns any thrown error into the one JSON error shape. A handler returns plain data (sent
 * as 200 JSON) or a Response of its own (201, 204, streams). Unknown errors become a generic 500
 * that leaks nothing; the details go to the server log only.
 */
export function withApi<PS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<PS, QS>,
  handler: (input: RouteInput<PS, QS>) => Promise<unknown>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      await authorizeRequest(request, spec.action);
      const raw = await context.params;
      const parsed = (spec.params ? parseOrThrow(spec.params, raw, "path") : {}) as Record<string, unknown>;
      if (typeof parsed.server === "string") parsed.server = getServerConfig(parsed.server);
      const query = spec.query
        ? parseOrThrow(spec.query, readQuery(new URL(request.url).searchParams), "query")
        : undefined;
      const result = await handler({ request, params: parsed, query } as RouteInput<PS, QS>);
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Builds the JSON response for an error thrown anywhere below a route. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return Response.json(error.toBody(), { status: error.status });
  }
  console.error("[api] unexpected error", error);
  const internal = new ApiError("internal", "Internal error: the console could not complete the request.");
  return Response.json(internal.toBody(), { status: internal.status });
}
