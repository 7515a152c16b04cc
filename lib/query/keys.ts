import type { AgentFilters, EntryFilters } from "@/lib/spire/types";

// Query-key factories: one per domain, so mutations can invalidate by prefix.

export const serverKeys = { all: ["servers"] as const };

export const entryKeys = {
  all: (server: string) => ["entries", server] as const,
  list: (server: string, filters: EntryFilters) => [...entryKeys.all(server), "list", filters] as const,
  detail: (server: string, id: string) => [...entryKeys.all(server), "detail", id] as const,
  /** What deleting entry `id` affects (children, agents losing a node alias). */
  blastRadius: (server: string, id: string) => [...entryKeys.all(server), "blast-radius", id] as const,
  /** Candidate parents for the entry form's parent picker, by search text. */
  parentOptions: (server: string, search: string) => [...entryKeys.all(server), "parent-options", search] as const,
  /** Whether spire-controller-manager owns the entry, and which object renders it. */
  owner: (server: string, id: string) => [...entryKeys.all(server), "owner", id] as const,
  /** The entries holding a SPIFFE ID and those parented to it (the powerful-identity rule's facts). */
  identityFacts: (server: string, spiffeId: string) => [...entryKeys.all(server), "identity-facts", spiffeId] as const,
  /** Trust domains an entry may federate with (those the server holds a bundle for). */
  federationOptions: (server: string) => [...entryKeys.all(server), "federation-options"] as const,
};

export const agentKeys = {
  all: (server: string) => ["agents", server] as const,
  list: (server: string, filters: AgentFilters) => [...agentKeys.all(server), "list", filters] as const,
  /** One agent with the entries that target it (directly and through aliases). */
  detail: (server: string, id: string) => [...agentKeys.all(server), "detail", id] as const,
  /** The fleet's health and its agents under the Agents page's filters. */
  fleet: (server: string, filters: object) => [...agentKeys.all(server), "fleet", filters] as const,
};

/**
 * The entry tree and everything derived from the server's entry index (entry detail with its
 * parent chain). Mutations of entries or agents invalidate `entryTreeKeys.all(server)`.
 */
export const entryTreeKeys = {
  all: (server: string) => ["entry-tree", server] as const,
  level: (server: string, parent: string, filters: EntryFilters, offset: number) =>
    [...entryTreeKeys.all(server), "level", parent, filters, offset] as const,
  detail: (server: string, id: string) => [...entryTreeKeys.all(server), "detail", id] as const,
  /** The changes made to one entry through the console (refreshed with the entry's detail). */
  history: (server: string, id: string) => [...entryTreeKeys.detail(server, id), "history"] as const,
};

/** Views across every configured server. */
export const federationGraphKeys = { all: ["federation-graph"] as const };

export const expiryKeys = { all: ["expiry"] as const };

export const overviewKeys = { all: ["overview"] as const };

export const federationKeys = {
  all: (server: string) => ["federation", server] as const,
  relationships: (server: string) => [...federationKeys.all(server), "relationships"] as const,
};

export const tokenKeys = { all: ["api-tokens"] as const };

/** The Alerts page (rules, sinks, silences, alerts, deliveries). */
export const alertKeys = { all: ["alerts"] as const };

/** The clean-up's findings of one server, by the finder's options. */
export const cleanupKeys = {
  all: (server: string) => ["cleanup", server] as const,
  report: (server: string, options: { agentExpiredDays: number; includeControllerOwned: boolean }) =>
    [...cleanupKeys.all(server), "report", options] as const,
};

/** The CA rotation cockpit of one server. */
export const authorityKeys = {
  all: (server: string) => ["authorities", server] as const,
  rotation: (server: string) => [...authorityKeys.all(server), "rotation"] as const,
};

/** The command palette's answers, by search text. */
export const searchKeys = { text: (q: string) => ["search", q] as const };

/** The watched entry sets (entries as code) and their drift, across the servers the user may read. */
export const entrySetKeys = { all: ["entry-sets"] as const };

/** Saved plans (entries as code) of one server: the history of applied plans. */
export const planKeys = {
  all: (server: string) => ["plans", server] as const,
  history: (server: string) => [...planKeys.all(server), "history"] as const,
  one: (server: string, id: string) => [...planKeys.all(server), "plan", id] as const,
};

/** The pods on one node of a cluster that use the Workload API. */
export const nodeWorkloadKeys = {
  node: (cluster: string | undefined, node: string) => ["node-workloads", cluster ?? "", node] as const,
};
