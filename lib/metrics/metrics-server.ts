import "server-only";

import { createServer, type Server } from "node:http";

import { renderMetrics } from "./render-metrics";

const globalForServer = globalThis as typeof globalThis & { __spireConsoleMetricsServer?: Server };

/**
 * Serves `GET /metrics` on its own port, so the UI's port need not be reachable by Prometheus
 * (and /metrics need not be reachable with the UI). Started once per process.
 */
export function startMetricsServer(port: number, host: string): void {
  if (globalForServer.__spireConsoleMetricsServer) return;
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found: try /metrics\n");
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end();
      return;
    }
    renderMetrics().then(
      ({ body, contentType }) =>
        response.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body),
      (error: unknown) => {
        console.error("[metrics] cannot render the metrics", error);
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("metrics unavailable\n");
      },
    );
  });
  server.on("error", (error) => console.error(`[metrics] cannot listen on ${host}:${port}`, error));
  server.listen(port, host, () => process.stdout.write(`[metrics] serving /metrics on ${host}:${port}\n`));
  globalForServer.__spireConsoleMetricsServer = server;
}
