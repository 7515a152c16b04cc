import "server-only";

import { userMessage } from "@/lib/api/user-message";
import type { ServerConfig } from "@/lib/config/schema";
import { queryInstant } from "@/lib/prometheus/promql";
import { scrapeTelemetry } from "@/lib/prometheus/scrape-telemetry";
import type { Labels } from "@/lib/prometheus/types";

import { buildPromql } from "./build-promql";
import { evaluateScrape } from "./evaluate-scrape";
import { readMetricSource } from "./metric-source";
import { PANELS, type Signal } from "./signals";

/** One current value of one signal (`signal` is a Signal id of signals.ts, e.g. "attest-agent"). */
export type SpireMetricValue = { signal: string; labels: Labels; value: number };

/**
 * Current values of SPIRE's signals for one server. Through Prometheus, counters are per-window increases (the same
 * PromQL as the panels, as an instant query); from the telemetry endpoint they are totals since the server started.
 */
export type SpireMetricValues = {
  server: string;
  source: "prometheus" | "telemetry" | "none";
  /** "increase over 5m" with Prometheus, "total since start" from the endpoint. */
  counters: "increase-5m" | "total";
  values: SpireMetricValue[];
  /** Why some or all values are missing. */
  problems: string[];
};

const allSignals = (): Signal[] => PANELS.flatMap((p) => p.signals);

/**
 * Reads the current value of every SPIRE signal of `server` (or only `only`), for alert rules and summaries.
 * Never throws: failures are in `problems`. Assumes the caller has authorized.
 */
export async function readSpireMetricValues(
  server: ServerConfig,
  only?: readonly string[],
): Promise<SpireMetricValues> {
  const signals = allSignals().filter((s) => !only || only.includes(s.id));
  const source = readMetricSource(server);
  const base = { server: server.name, values: [] as SpireMetricValue[], problems: [] as string[] };
  if (source.kind === "none") {
    return {
      ...base,
      source: "none",
      counters: "total",
      problems: [`${server.name} has no telemetry and no Prometheus`],
    };
  }
  if (source.kind === "prometheus") {
    await Promise.all(
      signals.map(async (signal) => {
        try {
          const promql = buildPromql(signal, source.prometheus.serverLabel, server.name);
          for (const s of await queryInstant(source.prometheus, promql)) {
            base.values.push({ signal: signal.id, labels: s.labels, value: s.point.v });
          }
        } catch (error) {
          base.problems.push(userMessage(error, `querying Prometheus for ${signal.id}`));
        }
      }),
    );
    return { ...base, source: "prometheus", counters: "increase-5m" };
  }
  try {
    const samples = await scrapeTelemetry(source.url, source.timeoutMs, `${server.name}'s telemetry endpoint`);
    const now = Math.floor(Date.now() / 1000);
    for (const signal of signals.filter((s) => !s.fleet)) {
      for (const s of evaluateScrape(signal, samples, now)) {
        base.values.push({ signal: signal.id, labels: s.labels, value: s.points[0]!.v });
      }
    }
  } catch (error) {
    base.problems.push(userMessage(error, `scraping ${server.name}'s telemetry`));
  }
  return { ...base, source: "telemetry", counters: "total" };
}
