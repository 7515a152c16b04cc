import { OverviewPanels } from "@/components/overview/overview-panels";
import { WorkloadIdentityCard } from "@/components/servers/workload-identity-card";
import { listServerSummaries } from "@/lib/servers/list-server-summaries";

import { ServerHealthGrid } from "./_components/server-health-grid";
import { requirePage } from "@/lib/auth/guard";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requirePage();
  const initialData = await listServerSummaries();
  const renderedAt = Date.now();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Overview</h1>
      <ServerHealthGrid initialData={initialData} renderedAt={renderedAt} />
      <WorkloadIdentityCard initialData={initialData} renderedAt={renderedAt} />
      <OverviewPanels />
    </div>
  );
}
