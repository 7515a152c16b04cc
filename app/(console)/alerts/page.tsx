import { AlertsManager } from "@/components/alerts/alerts-manager";
import { loadAlerts } from "@/lib/alerts/load-alerts";
import { requirePage } from "@/lib/auth/guard";

import { readWithTime } from "../_components/read-with-time";

export const metadata = { title: "Alerts" };

export default async function AlertsPage() {
  await requirePage();
  const { data, readAt } = await readWithTime(loadAlerts);
  const last = data.evaluation;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Alerts</h1>
        <p className="text-sm text-slate-600">
          The console evaluates these rules every {data.intervalSeconds} s and sends what fires, what is due again and
          what is resolved to every sink.{" "}
          {last
            ? last.error
              ? `The last evaluation failed: ${last.error}`
              : `Last evaluation ${last.at}: ${last.alerts} alert(s) raised.`
            : "It has not evaluated yet in this process."}
        </p>
      </div>
      <AlertsManager initial={data} renderedAt={readAt} />
    </div>
  );
}
