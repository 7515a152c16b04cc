import type { Signal } from "./signals";
import { WINDOW } from "./signals";

const escape = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"');

/** The label matchers of a signal for one server (`serverLabel="foo"` plus the signal's own). */
export function buildMatchers(signal: Signal, serverLabel: string, server: string): string {
  const matchers = [`${serverLabel}="${escape(server)}"`];
  for (const [label, value] of Object.entries(signal.match ?? {})) {
    matchers.push(value.startsWith("!") ? `${label}!="${escape(value.slice(1))}"` : `${label}="${escape(value)}"`);
  }
  if (signal.kind === "quantile") matchers.push(`quantile="${signal.quantile ?? "0.99"}"`);
  return matchers.join(",");
}

/**
 * The PromQL of one signal for one server, e.g. `sum by (status) (increase(spire_server_rpc_agent_v1_agent_attest_agent
 * {spire_server="foo"}[5m]))`. The server's series are those Prometheus labels `serverLabel="<server>"`.
 */
export function buildPromql(signal: Signal, serverLabel: string, server: string): string {
  const selector = `${signal.metric}{${buildMatchers(signal, serverLabel, server)}}`;
  const agg = signal.agg ?? (signal.kind === "counter" ? "sum" : "max");
  const by = signal.by?.length ? ` by (${signal.by.join(", ")})` : "";
  const inner = signal.kind === "counter" ? `${signal.per ?? "increase"}(${selector}[${WINDOW}])` : selector;
  return `${agg}${by} (${inner})`;
}

/** The legend of one series: `{label}` placeholders filled from its labels. */
export function buildLegend(signal: Signal, labels: Record<string, string>): string {
  return signal.legend.replace(/\{([a-z_]+)\}/g, (_, name: string) => labels[name] ?? "");
}
