import "server-only";

import { ApiError } from "./api-error";
import { authorizeRequest } from "./authorize";

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (request: Request, params: P) => Promise<unknown>;

/**
 * Wraps every API route: authorizes the request, awaits the route params, runs the handler
 * and turns any thrown error into the one JSON error shape. A handler returns plain data
 * (sent as 200 JSON) or a Response of its own (for 201, 204, ...). Unknown errors become a
 * generic 500 that leaks nothing; the details go to the server log only.
 */
export function withApi<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      await authorizeRequest(request);
      const result = await handler(request, await context.params);
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
