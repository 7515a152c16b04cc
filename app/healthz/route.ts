export const dynamic = "force-dynamic";

// GET /healthz – liveness: the process answers (public, no data)
export function GET(): Response {
  return Response.json({ status: "ok" });
}
