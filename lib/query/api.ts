import type { FleetFilters } from "@/lib/agents/fleet";
import type { listAgentPage } from "@/lib/agents/list-agent-page";
import type { AgentDetail } from "@/lib/agents/load-agent-detail";
import type { FleetPage } from "@/lib/agents/load-fleet";
import type { checkAuditChain } from "@/lib/audit/load-audit";
import type { IdentityFacts } from "@/lib/auth/powerful-identity";
import type { loadRotations } from "@/lib/authorities/load-rotation";
import type { CleanupReport } from "@/lib/cleanup/cleanup-types";
import type { CleanupOptions } from "@/lib/cleanup/load-cleanup";
import type { EntryOwner } from "@/lib/controller-manager/entry-owner";
import type { BatchCreateAnswer, BatchDeleteAnswer } from "@/lib/entries/batch-results";
import type { listEntryPage } from "@/lib/entries/list-entry-page";
import type { EntryDetail } from "@/lib/entries/load-entry-detail";
import type { getEntryHistory } from "@/lib/entries/load-entry-history";
import type { TreeLevel } from "@/lib/entries/load-tree-level";
import type { PlanListItem } from "@/lib/entries-as-code/plan-store";
import type { ExportScope, Plan } from "@/lib/entries-as-code/types";
import type { EntrySetStatus } from "@/lib/entry-sets/drift-state";
import type { ExpiryView } from "@/lib/expiry/load-expiry";
import type { FederationGraph } from "@/lib/federation/build-graph";
import type { listServerFederatedBundles } from "@/lib/federation/load-server-federation";
import type { NodeWorkloads } from "@/lib/kubernetes/load-node-workloads";
import type { Overview } from "@/lib/overview/load-overview";
import type { SearchAnswer } from "@/lib/search/load-search";
import type { ServersResponse } from "@/lib/servers/list-server-summaries";
import type { EntryFilters } from "@/lib/spire/types";
import type { ApiTokenSummary } from "@/lib/store/types";

import { entryFilterParams } from "./entry-filter-params";
import { fetchIndexed } from "./fetch-indexed";
import { fetchJson } from "./fetch-json";

export type { BatchCreateAnswer, BatchDeleteAnswer, CleanupOptions };

// The console's JSON API as the browser calls it: one function per endpoint, answering the type
// the server's loader returns (the reads here, the changes in api-changes.ts). Components call
// these (with the keys in keys.ts), never build URLs.

const enc = encodeURIComponent;

/** `/api/servers/<server><rest>`, the server's name encoded. */
export function serverApiPath(server: string, rest = ""): string {
  return `/api/servers/${enc(server)}${rest}`;
}

/** GET /api/servers: every configured server's summary. */
export function fetchServers(): Promise<ServersResponse> {
  return fetchJson<ServersResponse>("/api/servers");
}

/** GET /api/overview: health, counts and problems across the servers the caller may read. */
export function fetchOverview(): Promise<Overview> {
  return fetchJson<Overview>("/api/overview");
}

/** GET /api/kubernetes/node-workloads?cluster=&node=: the pods on one node that use the Workload API. */
export function fetchNodeWorkloads(node: string, cluster?: string): Promise<NodeWorkloads> {
  const query = new URLSearchParams({ ...(cluster ? { cluster } : {}), node });
  return fetchJson<NodeWorkloads>(`/api/kubernetes/node-workloads?${query}`);
}

/** GET /api/federation: the federation graph across servers. */
export function fetchFederationGraph(): Promise<FederationGraph> {
  return fetchJson<FederationGraph>("/api/federation");
}

/** GET /api/expiry: what expires, across servers. */
export function fetchExpiry(): Promise<ExpiryView> {
  return fetchJson<ExpiryView>("/api/expiry");
}

/** GET /api/search?q=: the command palette's answer. */
export function fetchSearch(q: string, signal?: AbortSignal): Promise<SearchAnswer> {
  return fetchJson<SearchAnswer>(`/api/search?q=${enc(q)}`, { signal });
}

/** GET /api/tokens: the caller's API tokens. */
export async function fetchApiTokens(): Promise<ApiTokenSummary[]> {
  return (await fetchJson<{ tokens: ApiTokenSummary[] }>("/api/tokens")).tokens;
}

/** GET …/entries/<id>/detail: one entry with its place in the tree. */
export function fetchEntryDetail(server: string, id: string): Promise<EntryDetail> {
  return fetchJson<EntryDetail>(serverApiPath(server, `/entries/${enc(id)}/detail`));
}

/** GET …/entries/<id>/owner: whether spire-controller-manager owns the entry. */
export function fetchEntryOwner(server: string, id: string): Promise<EntryOwner> {
  return fetchJson<EntryOwner>(serverApiPath(server, `/entries/${enc(id)}/owner`));
}

type EntryHistory = Awaited<ReturnType<typeof getEntryHistory>>;

/** GET …/entries/<id>/history: the changes made to the entry through the console, newest first. */
export function fetchEntryHistory(server: string, id: string): Promise<EntryHistory> {
  return fetchJson<EntryHistory>(serverApiPath(server, `/entries/${enc(id)}/history`));
}

/** GET …/agents/<id>/entries: one agent with the entries that target it. */
export function fetchAgentDetail(server: string, agentId: string): Promise<AgentDetail> {
  return fetchJson<AgentDetail>(serverApiPath(server, `/agents/${enc(agentId)}/entries`));
}

type FederatedBundles = { bundles: Awaited<ReturnType<typeof listServerFederatedBundles>> };

/** GET …/federated-bundles: the bundles the server holds for other trust domains. */
export function fetchFederatedBundles(server: string): Promise<FederatedBundles> {
  return fetchJson<FederatedBundles>(serverApiPath(server, "/federated-bundles"));
}

type AuditChainReport = Awaited<ReturnType<typeof checkAuditChain>>;

/** POST /api/audit/verify: whether the audit log's hash chain holds, or where it breaks. */
export function verifyAuditChain(): Promise<AuditChainReport> {
  return fetchJson<AuditChainReport>("/api/audit/verify", { method: "POST", body: {} });
}

/** Query parameters as the list routes read them (repeatable keys as arrays; empty values dropped). */
export type ListQuery = Record<string, string | number | readonly string[] | undefined>;

function queryString(query: ListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === "") continue;
    for (const v of typeof value === "object" ? value : [value]) params.append(key, String(v));
  }
  return params.toString();
}

type EntryPage = Awaited<ReturnType<typeof listEntryPage>>;
type AgentPage = Awaited<ReturnType<typeof listAgentPage>>;

/** GET …/entries?…: one page of entries, filtered like `spire-server entry show`. */
export function fetchEntryPage(server: string, query: ListQuery): Promise<EntryPage> {
  return fetchJson<EntryPage>(serverApiPath(server, `/entries?${queryString(query)}`));
}

/**
 * What the server holds for one SPIFFE ID: the entries with it and (a first page of) those parented to it, as
 * the powerful-identity rule reads them (GET …/entries?spiffeId= and ?parentId=).
 */
export async function fetchIdentityFacts(server: string, spiffeId: string): Promise<IdentityFacts> {
  const [holders, children] = await Promise.all([
    fetchEntryPage(server, { spiffeId, pageSize: 100 }),
    fetchEntryPage(server, { parentId: spiffeId, pageSize: 100 }),
  ]);
  return { holders: holders.entries, children: children.entries };
}

/** GET …/agents?…: one page of attested agents, filtered. */
export function fetchAgentPage(server: string, query: ListQuery): Promise<AgentPage> {
  return fetchJson<AgentPage>(serverApiPath(server, `/agents?${queryString(query)}`));
}

/** GET /api/entry-sets: the watched entry sets of the servers the caller may read, with their drift. */
export function fetchEntrySets(): Promise<{ sets: EntrySetStatus[] }> {
  return fetchJson<{ sets: EntrySetStatus[] }>("/api/entry-sets");
}

/** GET …/plans?status=applied: the plans applied on the server, newest first (without their rows). */
export function fetchAppliedPlans(server: string): Promise<{ plans: PlanListItem[] }> {
  return fetchJson<{ plans: PlanListItem[] }>(serverApiPath(server, "/plans?status=applied"));
}

/** GET …/plans/<id>: one saved plan with its changes (e.g. the plan that undoes an apply). */
export function fetchPlan(server: string, planId: string): Promise<Plan> {
  return fetchJson<Plan>(serverApiPath(server, `/plans/${encodeURIComponent(planId)}`));
}

/** GET …/entries/export?format=console&…: the URL of a scope's EntrySet file (a download link, not a fetch). */
export function entriesExportUrl(server: string, scope: ExportScope): string {
  return serverApiPath(
    server,
    `/entries/export?${queryString({ format: "console", ...scope, ids: scope.ids?.join(",") })}`,
  );
}

/**
 * GET …/entries?…: one page (`pageSize`) of entries under `filters`, from `pageToken`. With
 * `spiffeIdContains` the page comes from the entry index (an IndexBuildingError while it is built).
 */
export function fetchEntryListPage(
  server: string,
  filters: EntryFilters,
  pageToken: string,
  pageSize = 200,
): Promise<EntryPage> {
  const params = entryFilterParams(filters);
  params.set("pageSize", String(pageSize));
  if (pageToken) params.set("pageToken", pageToken);
  const url = serverApiPath(server, `/entries?${params.toString()}`);
  return filters.spiffeIdContains ? fetchIndexed<EntryPage>(server, url) : fetchJson<EntryPage>(url);
}

/** GET …/entries/tree or …/entries/orphans: one page of a tree level (`parent` null = the root) or of Orphans. */
export function fetchTreeLevel(
  server: string,
  filters: EntryFilters,
  level: { parent: string | null; orphans: boolean; offset: number; limit: number },
): Promise<TreeLevel> {
  const params = entryFilterParams(filters);
  if (level.parent && !level.orphans) params.set("parent", level.parent);
  params.set("offset", String(level.offset));
  params.set("limit", String(level.limit));
  const path = level.orphans ? "/entries/orphans" : "/entries/tree";
  return fetchIndexed<TreeLevel>(server, serverApiPath(server, `${path}?${params.toString()}`));
}

/** GET …/agents/fleet?…: the fleet's health and one page (`offset`, `limit`) of its agents under `filters`. */
export function fetchFleetPage(
  server: string,
  filters: FleetFilters,
  offset: number,
  limit: number,
): Promise<FleetPage> {
  const params = new URLSearchParams({ offset: String(offset), limit: String(limit) });
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== "") params.set(key, String(value));
  return fetchIndexed<FleetPage>(server, serverApiPath(server, `/agents/fleet?${params.toString()}`));
}

/** GET …/cleanup?…: the clean-up findings of one server under the finder's options. */
export function fetchCleanupReport(server: string, options: CleanupOptions): Promise<CleanupReport> {
  return fetchJson<CleanupReport>(
    serverApiPath(
      server,
      `/cleanup?${queryString({
        agentExpiredDays: options.agentExpiredDays,
        includeControllerOwned: String(options.includeControllerOwned),
      })}`,
    ),
  );
}

/** The rotation cockpit of one server: each authority kind's copies, steps and checks. */
export type Rotations = Awaited<ReturnType<typeof loadRotations>>;

/** GET …/authorities/rotation: the rotation cockpit of one server. */
export function fetchRotations(server: string): Promise<Rotations> {
  return fetchJson<Rotations>(serverApiPath(server, "/authorities/rotation"));
}
