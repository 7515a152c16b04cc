"use client";

import { useQuery } from "@tanstack/react-query";

import type { AlertsView } from "@/lib/alerts/load-alerts";
import { fetchAlerts } from "@/lib/query/api-alerts";
import { alertKeys } from "@/lib/query/keys";

import { AlertTable } from "./alert-table";
import { DeliveryTable } from "./delivery-table";
import { RuleForm } from "./rule-form";
import { RuleTable } from "./rule-table";
import { SilenceTable } from "./silence-table";
import { SinkForm } from "./sink-form";
import { SinkTable } from "./sink-table";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The Alerts page's interactive part: alerts, rules, sinks, silences and deliveries, refreshed every 10 s. */
export function AlertsManager({ initial, renderedAt }: { initial: AlertsView; renderedAt: number }) {
  const query = useQuery({
    queryKey: alertKeys.all,
    queryFn: fetchAlerts,
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: 10_000,
  });
  const view = query.data;
  const now = query.dataUpdatedAt;
  const write = view.canWrite.allowed;
  return (
    <div className="space-y-8">
      {write ? null : (
        <p className="text-sm text-slate-600">
          You can see the alert settings but not change them: {view.canWrite.reason}.
        </p>
      )}
      <Section id="alerts-now" title="Alerts">
        <AlertTable alerts={view.alerts} now={now} canWrite={write} />
      </Section>
      <Section id="alerts-rules" title="Rules">
        <RuleTable rules={view.rules} canWrite={write} />
        {write ? <RuleForm servers={view.servers} /> : null}
      </Section>
      <Section id="alerts-sinks" title="Sinks">
        <p className="text-sm text-slate-600">
          Sinks may send only under the config&apos;s <code className="font-mono">alerts.destinations</code>:{" "}
          {view.destinations.length ? view.destinations.join(", ") : "none, so no sink can be created."}
        </p>
        <SinkTable sinks={view.sinks} canWrite={write} />
        {write ? <SinkForm /> : null}
      </Section>
      <Section id="alerts-silences" title="Silences">
        <SilenceTable silences={view.silences} now={now} canWrite={write} />
      </Section>
      <Section id="alerts-deliveries" title="Delivery log">
        <DeliveryTable deliveries={view.deliveries} now={now} />
      </Section>
    </div>
  );
}
