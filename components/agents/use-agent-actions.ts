"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { serverApiPath } from "@/lib/query/api";
import { fetchJson } from "@/lib/query/fetch-json";
import { agentKeys, entryTreeKeys, expiryKeys, overviewKeys } from "@/lib/query/keys";

export type AgentAction = "ban" | "evict";

const agentUrl = (server: string, id: string) => serverApiPath(server, `/agents/${encodeURIComponent(id)}`);

/** Bans (`POST …/ban`) or evicts (`DELETE`) an agent, then refreshes every view that shows agents. */
export function useAgentAction(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, id }: { action: AgentAction; id: string }) =>
      action === "ban"
        ? fetchJson<null>(`${agentUrl(server, id)}/ban`, { method: "POST", body: {} })
        : fetchJson<null>(agentUrl(server, id), { method: "DELETE" }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: agentKeys.all(server) }),
        client.invalidateQueries({ queryKey: entryTreeKeys.all(server) }),
        client.invalidateQueries({ queryKey: expiryKeys.all }),
        client.invalidateQueries({ queryKey: overviewKeys.all }),
      ]),
  });
}
