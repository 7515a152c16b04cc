"use client";

import { useInfiniteQuery } from "@tanstack/react-query";

import { fetchAgentPage, fetchEntryPage } from "@/lib/query/api";
import { entryKeys } from "@/lib/query/keys";

const PAGE = 50;

/**
 * Candidate parents, a page at a time (never everything): attested agents and node-alias
 * entries (entries parented to the server). `more()` loads the next page of each.
 */
export function useParentOptions(server: string, serverId: string) {
  const agents = useInfiniteQuery({
    queryKey: entryKeys.parentOptions(server, "agents"),
    queryFn: ({ pageParam }) => fetchAgentPage(server, { pageSize: PAGE, pageToken: pageParam }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
  const aliases = useInfiniteQuery({
    queryKey: entryKeys.parentOptions(server, "aliases"),
    queryFn: ({ pageParam }) => fetchEntryPage(server, { pageSize: PAGE, parentId: serverId, pageToken: pageParam }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
  const options = [
    { value: serverId, label: "the SPIRE server (node entry)" },
    ...(aliases.data?.pages.flatMap((p) => p.entries) ?? []).map((e) => ({
      value: e.spiffeId,
      label: `node alias · ${e.selectors.map((x) => `${x.type}:${x.value}`).join(" ")}`,
    })),
    ...(agents.data?.pages.flatMap((p) => p.agents) ?? []).map((a) => ({
      value: a.spiffeId,
      label: `agent · ${a.attestationType}`,
    })),
  ];
  const unique = options.filter((o, i) => options.findIndex((x) => x.value === o.value) === i);
  return {
    options: unique,
    loading: agents.isPending || aliases.isPending,
    error: agents.error ?? aliases.error,
    hasMore: Boolean(agents.hasNextPage || aliases.hasNextPage),
    more: () => {
      if (agents.hasNextPage) void agents.fetchNextPage();
      if (aliases.hasNextPage) void aliases.fetchNextPage();
    },
  };
}
