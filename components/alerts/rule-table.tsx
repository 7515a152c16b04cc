"use client";

import { Badge } from "@/components/ui/badge";
import { type Column, ColumnTable } from "@/components/ui/column-table";
import type { AlertRule } from "@/lib/alerts/types";
import { deleteAlertRule, updateAlertRule } from "@/lib/query/api-alerts";
import type { RuleInput } from "@/lib/schemas/alerts";

import { ChangeErrorLine } from "./form-parts";
import { RowActions } from "./row-actions";
import { useAlertChange } from "./use-alert-change";

const settings = (r: AlertRule) =>
  [
    r.params.thresholdsDays ? `thresholds ${r.params.thresholdsDays.join("/")} d` : null,
    r.params.withinHours !== undefined ? `within ${r.params.withinHours} h` : null,
    r.params.staleWithinHours !== undefined ? `stale within ${r.params.staleWithinHours} h` : null,
    r.params.failuresPer5m !== undefined ? `${r.params.failuresPer5m} failures / 5 min` : null,
    `repeat ${r.repeatMinutes} min`,
  ]
    .filter(Boolean)
    .join(", ");

const columns: Column<AlertRule>[] = [
  {
    header: "Name",
    cell: (r) => (
      <>
        {r.name}{" "}
        <Badge tone={r.severity === "critical" ? "bad" : r.severity === "warning" ? "warn" : "info"}>
          {r.severity}
        </Badge>
      </>
    ),
  },
  { header: "Watches", cell: (r) => r.kind },
  { header: "Servers", cell: (r) => (r.servers.length ? r.servers.join(", ") : "all") },
  { header: "Settings", cell: settings },
  { header: "State", cell: (r) => (r.enabled ? "enabled" : "paused") },
];

/** The rule as the PATCH route takes it (the whole rule), paused or resumed. */
const toggled = ({ name, kind, severity, enabled, servers, params, repeatMinutes }: AlertRule): RuleInput => ({
  name,
  kind,
  severity,
  enabled: !enabled,
  servers,
  params,
  repeatMinutes,
});

/** The alert rules; writers can pause, resume and delete them. */
export function RuleTable({ rules, canWrite }: { rules: AlertRule[]; canWrite: boolean }) {
  const { busy, error, run } = useAlertChange();
  const actions = (r: AlertRule) => (
    <RowActions
      busy={busy}
      action={r.enabled ? "Pause" : "Resume"}
      onAction={() => void run(() => updateAlertRule(r.id, toggled(r)))}
      deleteLabel={`Delete rule ${r.name}`}
      onDelete={() => void run(() => deleteAlertRule(r.id))}
    />
  );
  return (
    <ColumnTable
      caption="Alert rules"
      columns={columns}
      rows={rules}
      rowKey={(r) => r.id}
      rowTestId="rule-row"
      empty="No rules yet."
      actions={canWrite ? { cell: actions, className: "space-x-2 whitespace-nowrap" } : undefined}
      className="space-y-2"
    >
      <ChangeErrorLine error={error} />
    </ColumnTable>
  );
}
