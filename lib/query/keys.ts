import type { AgentFilters, EntryFilters } from "@/lib/spire/types";

// Query-key factories: one per domain, so mutations can invalidate by prefix.

export const serverKeys = {
  all: ["servers"] as const,
};

export const entryKeys = {
  all: (server: string) => ["entries", server] as const,
  list: (server: string, filters: EntryFilters) => [...entryKeys.all(server), "list", filters] as const,
  detail: (server: string, id: string) => [...entryKeys.all(server), "detail", id] as const,
};

export const agentKeys = {
  all: (server: string) => ["agents", server] as const,
  list: (server: string, filters: AgentFilters) => [...agentKeys.all(server), "list", filters] as const,
};

export const federationKeys = {
  all: (server: string) => ["federation", server] as const,
  relationships: (server: string) => [...federationKeys.all(server), "relationships"] as const,
};
