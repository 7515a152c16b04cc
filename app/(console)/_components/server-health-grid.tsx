"use client";

import { useOverview } from "@/components/overview/use-overview";
import { ServerHealthCard } from "@/components/servers/server-health-card";
import { useServers } from "@/components/servers/use-servers";
import { StatePanel } from "@/components/ui/state-panel";
import { serverStatus } from "@/lib/overview/server-status";
import type { ServersResponse } from "@/lib/servers/list-server-summaries";

/** Every configured server, its badge decided by reachability and every problem known about it. */
export function ServerHealthGrid({ initialData, renderedAt }: { initialData: ServersResponse; renderedAt: number }) {
  const { data, error, dataUpdatedAt } = useServers(initialData, renderedAt);
  const overview = useOverview();
  if (!data)
    return (
      <StatePanel tone="error" title="Could not load servers">
        {error?.message}
      </StatePanel>
    );
  // Until the problems are read (or when they cannot be), the badge says so rather than "Healthy".
  const problems = overview.data?.problems ?? null;
  return (
    <div className="space-y-3">
      {error ? (
        <StatePanel tone="error" title="Refreshing failed; showing the last known state">
          {error.message}
        </StatePanel>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {data.servers.map((server) => (
          <ServerHealthCard
            key={server.name}
            server={server}
            status={
              overview.isError && !overview.data && server.healthy
                ? { state: "checking", reason: `Could not look for problems: ${overview.error.message}` }
                : serverStatus(server, problems)
            }
            now={dataUpdatedAt}
          />
        ))}
      </div>
    </div>
  );
}
