import type { listAgentPage } from "@/lib/agents/list-agent-page";
import type { AgentDetail } from "@/lib/agents/load-agent-detail";
import type { checkAuditChain } from "@/lib/audit/load-audit";
import type { EntryOwner } from "@/lib/controller-manager/entry-owner";
import type { listEntryPage } from "@/lib/entries/list-entry-page";
import type { EntryDetail } from "@/lib/entries/load-entry-detail";
import type { getEntryHistory } from "@/lib/entries/load-entry-history";
import type { PlanListItem } from "@/lib/entries-as-code/plan-store";
import type { ApplyResult, ExportScope, Plan } from "@/lib/entries-as-code/types";
import type { EntrySetStatus } from "@/lib/entry-sets/drift-state";
import type { ExpiryView } from "@/lib/expiry/load-expiry";
import type { FederationGraph } from "@/lib/federation/build-graph";
import type { listServerFederatedBundles } from "@/lib/federation/load-server-federation";
import type { Overview } from "@/lib/overview/load-overview";
import type { SearchAnswer } from "@/lib/search/load-search";
import type { ServersResponse } from "@/lib/servers/list-server-summaries";
import type { ApiTokenSummary } from "@/lib/store/types";

import { fetchJson } from "./fetch-json";

// The console's JSON API as the browser calls it: one function per endpoint, answering the type
// the server's loader returns. Components call these (with the keys in keys.ts), never build URLs.

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

/** POST …/federations/<trustDomain>/refresh: the server fetches that trust domain's bundle now (204). */
export async function refreshFederatedBundle(server: string, trustDomain: string): Promise<void> {
  await fetchJson<null>(serverApiPath(server, `/federations/${enc(trustDomain)}/refresh`), {
    method: "POST",
    body: {},
  });
}

type AuditChainReport = Awaited<ReturnType<typeof checkAuditChain>>;

/** POST /api/audit/verify: whether the audit log's hash chain holds, or where it breaks. */
export function verifyAuditChain(): Promise<AuditChainReport> {
  return fetchJson<AuditChainReport>("/api/audit/verify", { method: "POST", body: {} });
}

/** POST /api/tokens: creates an API token; its secret is in the answer only. */
export function createApiToken(body: {
  name: string;
  bindings: unknown[];
  expiresInDays?: number;
}): Promise<{ token: string }> {
  return fetchJson<{ token: string }>("/api/tokens", { method: "POST", body });
}

/** DELETE /api/tokens/<id>: revokes an API token. */
export async function deleteApiToken(id: string): Promise<void> {
  await fetchJson<null>(`/api/tokens/${enc(id)}`, { method: "DELETE" });
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

/** GET …/agents?…: one page of attested agents, filtered. */
export function fetchAgentPage(server: string, query: ListQuery): Promise<AgentPage> {
  return fetchJson<AgentPage>(serverApiPath(server, `/agents?${queryString(query)}`));
}

/** GET /api/entry-sets: the watched entry sets of the servers the caller may read, with their drift. */
export function fetchEntrySets(): Promise<{ sets: EntrySetStatus[] }> {
  return fetchJson<{ sets: EntrySetStatus[] }>("/api/entry-sets");
}

/** POST …/plans: plans a file (EntrySet, `-data` JSON or ClusterStaticEntry YAML) and saves the plan. */
export function createEntryPlan(server: string, file: { text: string; fileName?: string }): Promise<Plan> {
  return fetchJson<Plan>(serverApiPath(server, "/plans"), { method: "POST", body: file });
}

/** POST …/plans/<id>/apply: applies exactly a saved plan (409 when what it read has changed). */
export function applyEntryPlan(server: string, planId: string, allowMassDelete: boolean): Promise<ApplyResult> {
  return fetchJson<ApplyResult>(serverApiPath(server, `/plans/${enc(planId)}/apply`), {
    method: "POST",
    body: { allowMassDelete },
  });
}

/** GET …/plans?status=applied: the plans applied on the server, newest first (without their rows). */
export function fetchAppliedPlans(server: string): Promise<{ plans: PlanListItem[] }> {
  return fetchJson<{ plans: PlanListItem[] }>(serverApiPath(server, "/plans?status=applied"));
}

/** GET …/entries/export?format=console&…: the URL of a scope's EntrySet file (a download link, not a fetch). */
export function entriesExportUrl(server: string, scope: ExportScope): string {
  return serverApiPath(
    server,
    `/entries/export?${queryString({ format: "console", ...scope, ids: scope.ids?.join(",") })}`,
  );
}
