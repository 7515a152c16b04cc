import { ApiError } from "@/lib/api/api-error";
import { withApi } from "@/lib/api/with-api";

const notFound = withApi({ action: "session" }, async ({ request }) => {
  throw new ApiError("not_found", `No API route ${new URL(request.url).pathname}.`);
});

// GET|POST|PUT|PATCH|DELETE /api/* – any unknown API path answers a JSON 404
export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
