import { ApiError } from "@/lib/api/api-error";
import { withApi } from "@/lib/api/with-api";

const notFound = withApi<{ path: string[] }>(async (_request, { path }) => {
  throw new ApiError("not_found", `No API route /api/${path.join("/")}.`);
});

// GET|POST|PUT|PATCH|DELETE /api/* – any unknown API path answers a JSON 404
export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
