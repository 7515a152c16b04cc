"use client";

import { ServerHealthCard } from "@/components/servers/server-health-card";
import { useServers } from "@/components/servers/use-servers";
import { StatePanel } from "@/components/ui/state-panel";
import type { ServersResponse } from "@/lib/servers/list-server-summaries";

/** Live health of every configured server (the Overview's main grid). */
export function ServerHealthGrid({ initialData, renderedAt }: { initialData: ServersResponse; renderedAt: number }) {
  const { data, error, dataUpdatedAt } = useServers(initialData, renderedAt);
  if (!data)
    return (
      <StatePanel tone="error" title="Could not load servers">
        {error?.message}
      </StatePanel>
    );
  return (
    <div className="space-y-3">
      {error ? (
        <StatePanel tone="error" title="Refreshing failed; showing the last known state">
          {error.message}
        </StatePanel>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {data.servers.map((server) => (
          <ServerHealthCard key={server.name} server={server} now={dataUpdatedAt} />
        ))}
      </div>
    </div>
  );
}
