import type { PrometheusConfig } from "@/lib/config/prometheus-schema";

const trim = (url: string) => url.replace(/\/+$/, "");

/** "Open in Prometheus": the operator's Prometheus graph page with this query over the last hour. */
export function buildPrometheusLink(config: PrometheusConfig, promql: string): string {
  const base = trim(config.linkUrl ?? config.url);
  return `${base}/graph?g0.expr=${encodeURIComponent(promql)}&g0.tab=0&g0.range_input=1h`;
}

/** "Open in Grafana": Explore with this query on the configured data source, or undefined without Grafana. */
export function buildGrafanaLink(config: PrometheusConfig, promql: string): string | undefined {
  if (!config.grafanaUrl) return undefined;
  const left = {
    datasource: config.grafanaDatasource ?? "Prometheus",
    queries: [{ refId: "A", expr: promql }],
    range: { from: "now-1h", to: "now" },
  };
  return `${trim(config.grafanaUrl)}/explore?orgId=1&left=${encodeURIComponent(JSON.stringify(left))}`;
}
