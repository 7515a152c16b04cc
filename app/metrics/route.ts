import { readRequestInfo } from "@/lib/auth/request-info";
import { authSettings } from "@/lib/auth/settings";
import { metricsHostProblem } from "@/lib/metrics/metrics-host";
import { renderMetrics } from "@/lib/metrics/render-metrics";
import { metricsSettings } from "@/lib/metrics/settings";

export const dynamic = "force-dynamic";

// GET /metrics – Prometheus metrics (public), unless they are served on their own port; only to the console's
// own hosts and bare IP addresses (421 for any other Host name)
export async function GET(request: Request): Promise<Response> {
  if (metricsSettings().port !== null) return new Response("Not found\n", { status: 404 });
  const settings = authSettings();
  const problem = metricsHostProblem(readRequestInfo(request.headers, settings), settings);
  if (problem) return new Response(`${problem}\n`, { status: 421, headers: { "content-type": "text/plain" } });
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType } });
}
