import { renderMetrics } from "@/lib/metrics/render-metrics";
import { metricsSettings } from "@/lib/metrics/settings";

export const dynamic = "force-dynamic";

// GET /metrics – Prometheus metrics (public), unless they are served on their own port
export async function GET(): Promise<Response> {
  if (metricsSettings().port !== null) return new Response("Not found\n", { status: 404 });
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType } });
}
