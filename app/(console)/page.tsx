import { OverviewPanels } from "@/components/overview/overview-panels";
import { WorkloadIdentityCard } from "@/components/servers/workload-identity-card";
import { requirePage } from "@/lib/auth/guard";
import { listServerSummaries } from "@/lib/servers/list-server-summaries";

import { readWithTime } from "./_components/read-with-time";
import { ServerHealthGrid } from "./_components/server-health-grid";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requirePage();
  const { data: initialData, readAt } = await readWithTime(listServerSummaries);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Overview</h1>
      <ServerHealthGrid initialData={initialData} renderedAt={readAt} />
      <WorkloadIdentityCard initialData={initialData} renderedAt={readAt} />
      <OverviewPanels />
    </div>
  );
}
