import type { TelemetryReport } from "@/lib/telemetry/types";

import { StatePanel } from "../ui/state-panel";
import { PanelCard } from "./panel-card";

function SourceNote({ report }: { report: TelemetryReport }) {
  if (report.source === "prometheus")
    return (
      <p className="text-sm text-slate-600" data-testid="telemetry-source" data-source="prometheus">
        From the configured Prometheus: the last hour, one point a minute.
      </p>
    );
  return (
    <p className="text-sm text-slate-600" data-testid="telemetry-source" data-source={report.source}>
      No Prometheus is configured: current values scraped from {report.server}&apos;s telemetry endpoint. Counters are
      totals since the server started; there is no history.
    </p>
  );
}

/** Every panel of one server's report, or why there are none. */
export function TelemetryPanels({ report }: { report: TelemetryReport }) {
  if (report.source === "none")
    return (
      <StatePanel tone="empty" title="No metrics source for this server">
        Set <code className="font-mono">prometheus.url</code> (a Prometheus that scrapes SPIRE) or{" "}
        <code className="font-mono">servers[].telemetry</code> (the server&apos;s{" "}
        <code className="font-mono">telemetry {"{ Prometheus { … } }"}</code> endpoint) in the console&apos;s config.
      </StatePanel>
    );
  return (
    <div className="space-y-4">
      <SourceNote report={report} />
      {report.problem ? (
        <StatePanel tone="error" title={`Could not read ${report.server}'s telemetry`}>
          {report.problem}
        </StatePanel>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {report.panels.map((panel) => (
          <PanelCard key={panel.id} panel={panel} range={report.range} />
        ))}
      </div>
    </div>
  );
}
