import { checkReadiness } from "@/lib/health/check-readiness";

export const dynamic = "force-dynamic";

// GET /readyz – readiness: config valid and the store writable (public; 503 names only the failed check)
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  return Response.json(
    { status: readiness.ready ? "ready" : "not ready", checks: readiness.checks },
    { status: readiness.ready ? 200 : 503 },
  );
}
