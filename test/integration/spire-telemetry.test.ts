import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { stackScrapeTargets } from "../../scripts/prometheus/scrape-config.ts";
import { type RunningPrometheus, startPrometheus } from "../../scripts/prometheus/start.ts";
import { spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { getStackServer } from "../../scripts/stack/state.ts";
import { type RunningAlertmanager, startAlertmanager } from "../support/alertmanager";
import { apiGet, consoleFetch, stackState, waitFor } from "../support/api";
import { type RunningConsole, startConsole } from "../support/console-server";
import { failJoinTokenAttestations } from "../support/failed-attestation";
import { parseMetrics, sample } from "../support/prometheus";

// NaN (a SPIRE summary quantile with no recent observation) travels as null in JSON.
type Point = { t: number; v: number | null };
type Query = { promql: string; series: { legend: string; labels: Record<string, string>; points: Point[] }[] };
type Panel = { id: string; queries: (Query & { problem?: string; prometheusUrl?: string })[] };
type Report = { source: string; range: { start: number; end: number; step: number } | null; panels: Panel[] };
type Freshness = {
  source: string;
  lastSuccessAt: string | null;
  stale: boolean;
  partnerNotServing: boolean;
  sequenceNumber: string | null;
  sequenceChangedAt: string | null;
};
type Graph = { edges: { server: string; to: string; freshness: Freshness | null }[] };

const ATTEST = "spire_server_rpc_agent_v1_agent_attest_agent";
const panel = (report: Report, id: string) => report.panels.find((p) => p.id === id)!;

async function promInstant(url: string, promql: string, time: number) {
  const q = new URLSearchParams({ query: promql, time: `${time}` });
  const body = (await (await fetch(`${url}/api/v1/query?${q}`)).json()) as {
    data: { result: { metric: Record<string, string>; value: [number, string] }[] };
  };
  return body.data.result;
}

async function promRange(url: string, promql: string, range: { start: number; end: number; step: number }) {
  const q = new URLSearchParams({
    query: promql,
    ...Object.fromEntries(Object.entries(range).map(([k, v]) => [k, `${v}`])),
  });
  const body = (await (await fetch(`${url}/api/v1/query_range?${q}`)).json()) as {
    data: { result: { metric: Record<string, string>; values: [number, string][] }[] };
  };
  return body.data.result;
}

describe("SPIRE's metrics without Prometheus (servers[].telemetry)", () => {
  it("shows current values equal to foo's telemetry endpoint, and says fleet panels need Prometheus", async () => {
    const res = await apiGet<Report>("/api/servers/foo/telemetry");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: "telemetry", range: null });
    const telemetry = stackState().servers.find((s) => s.name === "foo")!.telemetryUrl!;
    const direct = parseMetrics(await (await fetch(telemetry)).text());
    const attest = panel(res.body, "attestations").queries[0]!;
    expect(attest.promql).toBe(`sum by (status) (increase(${ATTEST}{spire_server="foo"}[5m]))`);
    const ok = attest.series.find((s) => s.legend === "OK");
    // Attestations only happen when agents start: the counter holds still between the two reads.
    expect(ok?.points[0]?.v).toBe(sample(direct, ATTEST, { host: hostOf(direct), status: "OK" }));
    expect(ok?.points[0]?.v).toBeGreaterThan(0);
    const versions = panel(res.body, "agent-versions").queries[0]!;
    expect(versions.series).toEqual([]);
    expect(versions.problem).toMatch(/through Prometheus only/);
  });
});

describe("federation truth when bar's CA rotates", () => {
  const fooToBar = async () => {
    const graph = (await apiGet<Graph>("/api/federation")).body;
    return graph.edges.find((e) => e.server === "foo" && e.to === "bar.example.com")!.freshness!;
  };

  it("sees bar's bundle change on foo once bar prepares a new X.509 CA", async () => {
    const barBundle = () => spireServerJson<{ sequence_number: string }>("bar", ["bundle", "show"], stackState());
    const before = await fooToBar();
    expect(before.sequenceNumber).not.toBeNull();
    const sequenceBefore = Number((await barBundle()).sequence_number);
    await spireServer("bar", ["localauthority", "x509", "prepare"], stackState());
    // The witness: bar's own bundle took the new CA (its sequence number grew).
    expect(Number((await barBundle()).sequence_number)).toBeGreaterThan(sequenceBefore);
    // foo fetches bar's bundle four times per refresh hint (1 minute in the stack).
    const after = await waitFor(
      async () => {
        const f = await fooToBar();
        // The console scrapes foo's counters at most every 5 s: the fetch that brought the change shows then.
        return f.sequenceChangedAt && f.lastSuccessAt ? f : undefined;
      },
      60_000,
      "foo holding bar's new bundle",
    );
    expect(after).toMatchObject({ source: "telemetry", stale: false, partnerNotServing: false });
    expect(Date.parse(after.lastSuccessAt!)).toBeGreaterThanOrEqual(Date.parse(after.sequenceChangedAt!) - 20_000);
  }, 120_000);
});

/** The `host` label SPIRE adds to every series (the machine's name). */
function hostOf(samples: Map<string, number>): string {
  const key = [...samples.keys()].find((k) => k.startsWith(`${ATTEST}{`))!;
  return /host="([^"]*)"/.exec(key)![1]!;
}

describe("SPIRE's metrics through a real Prometheus", () => {
  let prometheus: RunningPrometheus;
  let alertmanager: RunningAlertmanager;
  let console2: RunningConsole;
  /** How many more refused attestations foo's own telemetry counted (SPIRE is the witness). */
  let refused: number;

  beforeAll(async () => {
    const stackDir = inject("stackDir");
    const fooTelemetry = getStackServer(stackState(), "foo").telemetryUrl!;
    // Prometheus counts a series' increase from its first sample: one refused attestation before it starts makes
    // foo's failure series exist, so all five attestations below count in Prometheus's increase[5m].
    await failJoinTokenAttestations(stackState(), stackDir, "foo", 1, fooTelemetry);
    const dir = mkdtempSync(path.join(tmpdir(), "prometheus-"));
    const consoleTarget = { job: "spire-console", url: `${inject("consoleUrl")}/metrics`, labels: {} };
    [prometheus, alertmanager] = await Promise.all([
      startPrometheus(dir, [...stackScrapeTargets(stackState()), consoleTarget]),
      startAlertmanager(),
    ]);
    const config = JSON.parse(readFileSync(path.join(stackDir, "console.json"), "utf8")) as Record<string, unknown>;
    const configPath = path.join(dir, "console.json");
    const alerts = { intervalSeconds: 2, destinations: [`${alertmanager.url}/`] };
    writeFileSync(configPath, JSON.stringify({ ...config, prometheus: { url: prometheus.url }, alerts }));
    console2 = await startConsole({ SPIRE_CONSOLE_CONFIG: configPath });
    // Two scrapes of every target, so rates and increases have data.
    await waitFor(
      async () => {
        const up = await promRange(prometheus.url, "count(up == 1)", {
          start: Date.now() / 1000 - 1,
          end: Date.now() / 1000,
          step: 1,
        });
        return Number(up[0]?.values.at(-1)?.[1]) >= stackScrapeTargets(stackState()).length + 1 ? true : undefined;
      },
      30_000,
      "every target scraped",
    );
    refused = await failJoinTokenAttestations(stackState(), stackDir, "foo", 5, fooTelemetry);
  }, 180_000);

  afterAll(async () => {
    await console2?.stop();
    await prometheus?.stop();
    await alertmanager?.stop();
  });

  it("draws panels whose numbers equal the same PromQL run against that Prometheus", async () => {
    const report = await waitFor(
      async () => {
        const res = await consoleFetch(`${console2.url}/api/servers/foo/telemetry`);
        const body = (await res.json()) as Report;
        const failed = panel(body, "attestations").queries[0]!.series.find((s) => s.legend === "InvalidArgument");
        return failed && failed.points.some((p) => (p.v ?? 0) > 0) ? body : undefined;
      },
      90_000,
      "the failed attestations in the attestations panel",
    );
    expect(report.source).toBe("prometheus");
    const range = report.range!;
    expect(range.end - range.start).toBe(3600);
    let compared = 0;
    for (const p of report.panels) {
      for (const query of p.queries) {
        expect(query.problem, `${p.id}: ${query.promql}`).toBeUndefined();
        expect(query.prometheusUrl).toContain(encodeURIComponent(query.promql));
        const witness = await promRange(prometheus.url, query.promql, range);
        expect(query.series.length, query.promql).toBe(witness.length);
        for (const series of witness) {
          const mine = query.series.find((s) => JSON.stringify(s.labels) === JSON.stringify(series.metric));
          expect(mine?.points, `${query.promql} ${JSON.stringify(series.metric)}`).toEqual(
            series.values.map(([t, v]) => ({ t, v: Number.isNaN(Number(v)) ? null : Number(v) })),
          );
          compared++;
        }
      }
    }
    // Attestations (OK and InvalidArgument), signing, fetches, activations, agent versions at least.
    expect(compared).toBeGreaterThanOrEqual(6);
    const versions = panel(report, "agent-versions").queries[0]!.series;
    expect(versions.map((s) => s.legend)).toEqual(["1_15_3"]);
    const fooAgents = stackState()
      .servers.find((s) => s.name === "foo")!
      .agents.filter((a) => a.telemetryUrl);
    expect(versions[0]!.points.at(-1)!.v).toBe(fooAgents.length);
  });

  it("judges foo's relationship to bar fresh from Prometheus's fetch counters", async () => {
    // bar's bundle endpoint says refresh every minute: foo's next fetch shows in Prometheus's counters.
    const freshness = await waitFor(
      async () => {
        const graph = (await (await consoleFetch(`${console2.url}/api/federation`)).json()) as Graph;
        const f = graph.edges.find((e) => e.server === "foo" && e.to === "bar.example.com")?.freshness;
        return f?.lastSuccessAt ? f : undefined;
      },
      90_000,
      "a successful fetch of bar's bundle",
    );
    expect(freshness).toMatchObject({ source: "prometheus", stale: false, partnerNotServing: false });
    expect(Date.now() - Date.parse(freshness.lastSuccessAt!)).toBeLessThan(150_000);
  });

  it("raises the attestation alert after five refused attestations, counting what Prometheus's query counts", async () => {
    expect(refused).toBeGreaterThanOrEqual(5);
    const post = async (url: string, body: unknown) => {
      const headers = { "content-type": "application/json", origin: console2.url };
      const response = await consoleFetch(`${console2.url}${url}`, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
      });
      expect(response.status, url).toBe(201);
    };
    await post("/api/alerts/sinks", { name: "alertmanager", type: "alertmanager", url: alertmanager.url });
    await post("/api/alerts/rules", {
      name: "Attestation failures",
      kind: "attestation-failures",
      servers: ["foo"],
      params: { failuresPer5m: 5 },
    });
    const alert = await waitFor(
      async () => (await alertmanager.alerts()).find((a) => a.labels.alertname === "Attestation failures"),
      60_000,
      "the attestation alert in Alertmanager",
    );
    const summary = alert.annotations.summary ?? "";
    const counted = Number(/^(\d+) node attestations failed on foo in the last 5 minutes/.exec(summary)?.[1]);
    expect(counted, summary).toBeGreaterThanOrEqual(5);
    // The console asked Prometheus at its evaluation's time, which is the alert's start: the same query then.
    const promql = `sum by (status) (increase(${ATTEST}_elapsed_time_count{spire_server="foo"}[5m]))`;
    const witness = await promInstant(prometheus.url, promql, Date.parse(alert.startsAt) / 1000);
    const failed = witness.filter((s) => s.metric.status !== "OK").reduce((sum, s) => sum + Number(s.value[1]), 0);
    expect(counted).toBe(Math.round(failed));
  });
});
