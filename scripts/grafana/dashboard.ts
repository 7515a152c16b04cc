// The Grafana dashboard for SPIRE's and the console's metrics (deploy/helm/spire-console/dashboards/*.json): SPIRE's
// panels use the very PromQL of the console's "What SPIRE says" page (lib/telemetry/signals.ts) with a `$server`
// variable; the console's own panels read its /metrics. `UPDATE_DASHBOARD=1 npx vitest run scripts/grafana` writes it.
import { buildPromql } from "../../lib/telemetry/build-promql.ts";
import { PANELS, type PanelUnit } from "../../lib/telemetry/signals.ts";

type Target = { expr: string; legendFormat: string };
type Panel = { title: string; description: string; unit: string; targets: Target[] };

const grafanaUnit: Record<PanelUnit, string> = {
  count: "short",
  "per-second": "ops",
  milliseconds: "ms",
  timestamp: "dateTimeAsIso",
};

/** `{label}` legends become Grafana's `{{label}}`. */
const legendFormat = (legend: string) => legend.replace(/\{([a-z_]+)\}/g, "{{$1}}");

const consolePanels: Panel[] = [
  {
    title: "Console: SPIRE admin API calls by code",
    description: "Calls the console made to each SPIRE server's admin API per 5 minutes.",
    unit: "short",
    targets: [
      {
        expr: 'sum by (code) (increase(spire_console_spire_calls_total{server="$server"}[5m]))',
        legendFormat: "{{code}}",
      },
    ],
  },
  {
    title: "Console: time left on authorities and federated bundles",
    description: "The console's expiry gauges: seconds until the active X.509 and JWT authorities and bundles expire.",
    unit: "s",
    targets: [
      { expr: 'spire_console_x509_authority_expiry_seconds{server="$server"}', legendFormat: "X.509 authority" },
      { expr: 'spire_console_jwt_authority_expiry_seconds{server="$server"}', legendFormat: "JWT authority" },
      {
        expr: 'spire_console_federated_bundle_expiry_seconds{server="$server"}',
        legendFormat: "bundle {{trust_domain}}",
      },
    ],
  },
];

function spirePanels(): Panel[] {
  return PANELS.map((p) => ({
    title: p.title,
    description: p.description,
    unit: grafanaUnit[p.unit],
    targets: p.signals.map((s) => ({
      expr: buildPromql(s, "spire_server", "$server"),
      legendFormat: legendFormat(s.legend),
    })),
  }));
}

/** The dashboard JSON (Grafana's model; import it, or let the chart's ConfigMap reach a dashboard sidecar). */
export function buildDashboard(): object {
  const panels = [...spirePanels(), ...consolePanels].map((panel, index) => ({
    id: index + 1,
    type: "timeseries",
    title: panel.title,
    description: panel.description,
    datasource: { type: "prometheus", uid: "${datasource}" },
    gridPos: { h: 8, w: 12, x: (index % 2) * 12, y: Math.floor(index / 2) * 8 },
    fieldConfig: { defaults: { unit: panel.unit }, overrides: [] },
    targets: panel.targets.map((t, i) => ({ refId: String.fromCharCode(65 + i), ...t })),
  }));
  return {
    title: "SPIRE and SPIRE Console",
    uid: "spire-console",
    tags: ["spire", "spiffe"],
    schemaVersion: 39,
    time: { from: "now-6h", to: "now" },
    refresh: "1m",
    templating: {
      list: [
        { name: "datasource", type: "datasource", query: "prometheus", label: "Prometheus" },
        {
          name: "server",
          label: "SPIRE server",
          type: "query",
          datasource: { type: "prometheus", uid: "${datasource}" },
          query: { query: "label_values(spire_server_started, spire_server)", refId: "server" },
          refresh: 2,
        },
      ],
    },
    panels,
  };
}
