"use client";

import { useQuery } from "@tanstack/react-query";

import { isNodeEntryParent } from "@/lib/entries/cli-command";
import { controllerManagedReasons } from "@/lib/entries/controller-managed";
import { fetchAgentPage, fetchEntryPage } from "@/lib/query/api";
import { entryKeys } from "@/lib/query/keys";
import type { Agent, Entry } from "@/lib/spire/types";

/** How many affected items the dialog lists before saying "more". */
export const BLAST_LIMIT = 100;

export type BlastRadius = {
  /** Entries parented to this entry's SPIFFE ID (first BLAST_LIMIT), and whether there are more. */
  children: Entry[];
  moreChildren: boolean;
  /** For a node alias: the agents whose selectors include all of the alias's, which lose it. */
  agents: Agent[] | null;
  moreAgents: boolean;
  managedReasons: string[];
};

/** What deleting `entry` affects, read through the list APIs (one bounded page each). */
export function useBlastRadius(server: string, entry: Entry, enabled: boolean) {
  return useQuery({
    queryKey: entryKeys.blastRadius(server, entry.id),
    enabled,
    queryFn: async (): Promise<BlastRadius> => {
      const children = fetchEntryPage(server, { pageSize: BLAST_LIMIT, parentId: entry.spiffeId });
      const isAlias = isNodeEntryParent(entry.spiffeId, entry.parentId);
      const selector = entry.selectors.map((x) => `${x.type}:${x.value}`);
      const agents = isAlias ? fetchAgentPage(server, { pageSize: BLAST_LIMIT, match: "superset", selector }) : null;
      const [c, a] = await Promise.all([children, agents]);
      return {
        children: c.entries,
        // SPIRE hands out a token after every full page, even the last one.
        moreChildren: c.entries.length >= BLAST_LIMIT && Boolean(c.nextPageToken),
        agents: a ? a.agents : null,
        moreAgents: (a?.agents.length ?? 0) >= BLAST_LIMIT && Boolean(a?.nextPageToken),
        managedReasons: controllerManagedReasons(entry),
      };
    },
  });
}
