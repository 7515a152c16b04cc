import { kubernetesNodeAnchor } from "@/lib/kubernetes/node-anchor";
import type { Selector } from "@/lib/spire/types";

/**
 * Every link between the console's pages, built in one place. Pages that belong to one SPIRE
 * server carry it as `?server=` (absent: the first configured server); IDs in paths are URL-encoded.
 */
export type Query = Record<string, string | readonly string[] | undefined>;

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of typeof value === "string" ? [value] : value) params.append(key, v);
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A URL's query as a Query, keys in order of first appearance, repeated keys as lists. */
export function queryFromParams(params: URLSearchParams): Query {
  const query: Record<string, string[]> = {};
  for (const [key, value] of params) (query[key] ??= []).push(value);
  return query;
}

const enc = encodeURIComponent;
const selectorText = (s: Selector) => `${s.type}:${s.value}`;

/** What a new-entry form may be pre-filled with; `returnTo` is the page to go back to afterwards. */
export type NewEntryPrefill = {
  parentId?: string;
  spiffeId?: string;
  selectors?: readonly Selector[];
  returnTo?: string;
};

/** What an edit form may be pre-filled with (a proposed new parent) and where to go back to after saving. */
export type EditEntryOptions = { parentId?: string; returnTo?: string };

export const links = {
  overview: (server?: string) => withQuery("/", { server }),
  entries: (server?: string, query: Query = {}) => withQuery("/entries", { server, ...query }),
  entry: (server: string, id: string) => withQuery(`/entries/${enc(id)}`, { server }),
  editEntry: (server: string, id: string, options: EditEntryOptions = {}) =>
    withQuery(`/entries/${enc(id)}/edit`, { server, parentId: options.parentId, returnTo: options.returnTo }),
  newEntry: (server: string, prefill: NewEntryPrefill = {}) =>
    withQuery("/entries/new", {
      server,
      parentId: prefill.parentId,
      spiffeId: prefill.spiffeId,
      selector: prefill.selectors?.map(selectorText),
      returnTo: prefill.returnTo,
    }),
  importEntries: (server: string, query: Query = {}) => withQuery("/entries/import", { server, ...query }),
  entriesAsCode: (server?: string, query: Query = {}) => withQuery("/entries/code", { server, ...query }),
  agents: (server?: string, query: Query = {}) => withQuery("/agents", { server, ...query }),
  agent: (server: string, spiffeId: string) => withQuery(`/agents/${enc(spiffeId)}`, { server }),
  federation: (server?: string) => withQuery("/federation", { server }),
  authorities: (server?: string) => withQuery("/authorities", { server }),
  telemetry: (server?: string) => withQuery("/telemetry", { server }),
  expiry: (server?: string, section?: "ttl") => withQuery("/expiry", { server }) + (section ? `#${section}` : ""),
  kubernetes: (server?: string, where?: { cluster: string; deployment?: string }) =>
    withQuery("/kubernetes", { server, cluster: where?.cluster, deployment: where?.deployment }),
  /** A node's row on the Kubernetes page (its agent pod, CSI pod and the SPIRE agent attested from it). */
  noIdentity: (cluster?: string) => withQuery("/kubernetes/no-identity", { cluster }),
  kubernetesNode: (node: string, cluster?: string) =>
    `${withQuery("/kubernetes", { cluster })}#${kubernetesNodeAnchor(node)}`,
  cleanup: (server?: string) => withQuery("/cleanup", { server }),
  controllerManager: (cluster?: string) => withQuery("/controller-manager", { cluster }),
  clusterSpiffeId: (name: string, cluster?: string) => withQuery(`/controller-manager/${enc(name)}`, { cluster }),
  apiTokens: (server?: string) => withQuery("/settings/tokens", { server }),
  /** The signed-in user's roles, servers, scopes and session expiry. */
  access: () => "/settings/access",
  audit: (query: Query = {}) => withQuery("/audit", query),
  alerts: () => "/alerts",
  troubleshoot: (query: Query = {}) => withQuery("/troubleshoot", query),
  troubleshootPod: (server: string, namespace: string, name: string, container?: string, cluster?: string) =>
    withQuery("/troubleshoot", { server, cluster, namespace, name, container }),
};
