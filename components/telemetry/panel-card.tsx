import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { formatPanelValue } from "@/lib/telemetry/format-value";
import type { PanelData, PanelQuery, TelemetryReport } from "@/lib/telemetry/types";

import { TimeSeriesChart } from "./time-series-chart";

function QueryLinks({ query }: { query: PanelQuery }) {
  if (!query.prometheusUrl && !query.grafanaUrl) return null;
  const link = "text-sky-800 hover:underline";
  return (
    <span className="flex gap-3 text-xs">
      {query.prometheusUrl ? (
        <a className={link} href={query.prometheusUrl} target="_blank" rel="noreferrer noopener">
          Open in Prometheus
        </a>
      ) : null}
      {query.grafanaUrl ? (
        <a className={link} href={query.grafanaUrl} target="_blank" rel="noreferrer noopener">
          Open in Grafana
        </a>
      ) : null}
    </span>
  );
}

/** The latest value of each series: what the chart ends on, readable without the chart (and by screen readers). */
function LatestValues({ query, unit }: { query: PanelQuery; unit: PanelData["unit"] }) {
  if (query.series.length === 0) return <p className="text-xs text-slate-600">No data.</p>;
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-3 text-xs" data-testid="panel-values">
      {query.series.map((s) => {
        const last = s.points.at(-1);
        return (
          <div key={s.legend} className="contents" data-testid="panel-value" data-legend={s.legend}>
            <dt className="truncate text-slate-700">
              {s.legend || "value"}
              {query.total ? <span className="text-slate-600"> (total since start)</span> : null}
            </dt>
            <dd className="text-right font-mono tabular-nums" data-value={last?.v ?? ""}>
              {last ? formatPanelValue(last.v, query.total ? "count" : unit) : "–"}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** One panel: its chart (with Prometheus) or current values, the PromQL behind it (copyable) and where to open it. */
export function PanelCard({ panel, range }: { panel: PanelData; range: TelemetryReport["range"] }) {
  return (
    <Card data-testid="telemetry-panel" data-panel={panel.id}>
      <CardHeader>
        <h2 className="font-semibold">{panel.title}</h2>
      </CardHeader>
      <CardBody className="space-y-3">
        <p className="text-xs text-slate-600">{panel.description}</p>
        {panel.queries.map((query) => (
          <div key={query.promql} className="space-y-2">
            {range && query.series.length > 0 ? (
              <TimeSeriesChart title={panel.title} unit={panel.unit} series={query.series} range={range} />
            ) : null}
            {query.problem ? <p className="text-xs text-red-800">{query.problem}</p> : null}
            <LatestValues query={query} unit={panel.unit} />
            <div className="flex items-start gap-1 rounded bg-slate-100 px-2 py-1">
              <code className="min-w-0 flex-1 font-mono text-[11px] break-all text-slate-800" data-testid="promql">
                {query.promql}
              </code>
              <CopyButton value={query.promql} label="PromQL" />
            </div>
            <QueryLinks query={query} />
          </div>
        ))}
      </CardBody>
    </Card>
  );
}
