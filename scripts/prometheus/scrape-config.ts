// The scrape config of the stack's Prometheus: every SPIRE server and agent telemetry endpoint, labelled
// `spire_server=<console server name>` (the console's `prometheus.serverLabel` default), and the console's /metrics.
// Pure: no I/O.
import type { StackState } from "../stack/state.ts";

export interface ScrapeTarget {
  job: string;
  /** http://host:port/path */
  url: string;
  labels: Record<string, string>;
}

/** The SPIRE servers and agents of the stack that expose telemetry, as scrape targets. */
export function stackScrapeTargets(state: StackState): ScrapeTarget[] {
  return state.servers.flatMap((server) => [
    ...(server.telemetryUrl
      ? [{ job: "spire-server", url: server.telemetryUrl, labels: { spire_server: server.name } }]
      : []),
    ...server.agents.flatMap((agent) =>
      agent.telemetryUrl
        ? [{ job: "spire-agent", url: agent.telemetryUrl, labels: { spire_server: server.name, agent: agent.name } }]
        : [],
    ),
  ]);
}

/** Renders prometheus.yml (JSON is YAML): one scrape job per target, every `interval`. */
export function renderScrapeConfig(targets: readonly ScrapeTarget[], interval = "5s"): string {
  const config = {
    global: { scrape_interval: interval, evaluation_interval: interval },
    scrape_configs: targets.map((target, index) => {
      const url = new URL(target.url);
      return {
        job_name: `${target.job}-${index}`,
        scheme: url.protocol.replace(":", ""),
        metrics_path: url.pathname,
        static_configs: [{ targets: [url.host], labels: { ...target.labels, job: target.job } }],
      };
    }),
  };
  return JSON.stringify(config, null, 2) + "\n";
}
