"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { banAgent, evictAgent } from "@/lib/query/api-changes";
import { agentKeys, entryTreeKeys, expiryKeys, overviewKeys } from "@/lib/query/keys";

export type AgentAction = "ban" | "evict";

/** Bans (`POST …/ban`) or evicts (`DELETE`) an agent, then refreshes every view that shows agents. */
export function useAgentAction(server: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, id }: { action: AgentAction; id: string }) =>
      action === "ban" ? banAgent(server, id) : evictAgent(server, id),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: agentKeys.all(server) }),
        client.invalidateQueries({ queryKey: entryTreeKeys.all(server) }),
        client.invalidateQueries({ queryKey: expiryKeys.all }),
        client.invalidateQueries({ queryKey: overviewKeys.all }),
      ]),
  });
}
