import type { AgentSearchResult } from "@/lib/agents/load-agent-search";
import type { EntrySearchResult } from "@/lib/entries/load-entry-search";
import { links } from "@/lib/links";
import { scoreFields, searchTerms } from "@/lib/listing/rank-text";

export type SearchKind = "page" | "entry" | "agent" | "pod" | "trustDomain";

/** One thing the command palette can jump to. */
export type SearchItem = { kind: SearchKind; label: string; detail: string; href: string };

/** Results of one kind (on one server, for entries and agents); `total` counts beyond the items shown. */
export type SearchGroup = {
  kind: SearchKind;
  server: string | null;
  title: string;
  total: number;
  items: SearchItem[];
};

const fieldWords: Record<string, string> = {
  spiffeId: "SPIFFE ID",
  entryId: "entry ID",
  selector: "selector",
  hint: "hint",
  dnsName: "DNS name",
  parentId: "parent",
  attestationType: "attestation",
  serial: "serial",
};

/** An entry result as a palette item: its SPIFFE ID, and where the text was found. */
export function entryItem(server: string, hit: EntrySearchResult): SearchItem {
  const where = hit.field === "spiffeId" ? `parent ${hit.parentId}` : `${fieldWords[hit.field]} ${hit.match}`;
  return {
    kind: "entry",
    label: hit.spiffeId,
    detail: `Entry on ${server}${hit.hint ? ` · hint ${hit.hint}` : ""} · ${where}`,
    href: links.entry(server, hit.id),
  };
}

/** An agent result as a palette item. */
export function agentItem(server: string, hit: AgentSearchResult): SearchItem {
  const where = hit.field === "spiffeId" ? hit.attestationType : `${fieldWords[hit.field]} ${hit.match}`;
  return {
    kind: "agent",
    label: hit.spiffeId,
    detail: `Agent on ${server}${hit.banned ? " · banned" : ""} · ${where}`,
    href: links.agent(server, hit.spiffeId),
  };
}

export type PodChoiceLike = { namespace: string; name: string; node: string | null; serviceAccount: string };

/** Pods whose name, namespace, node or service account contain every word, best first. */
export function matchPods(pods: readonly PodChoiceLike[], query: string, limit: number): SearchGroup {
  const terms = searchTerms(query);
  const scored = pods.flatMap((pod) => {
    const found = scoreFields(
      [
        { field: "name", text: pod.name, weight: 10 },
        { field: "namespace", text: pod.namespace, weight: 5 },
        { field: "node", text: pod.node ?? "", weight: 3 },
        { field: "serviceAccount", text: pod.serviceAccount, weight: 3 },
      ],
      terms,
    );
    return found ? [{ pod, score: found.score }] : [];
  });
  scored.sort((a, b) => b.score - a.score || a.pod.name.localeCompare(b.pod.name));
  return {
    kind: "pod",
    server: null,
    title: "Pods",
    total: scored.length,
    items: scored
      .slice(0, limit)
      .map(({ pod }) => ({
        kind: "pod",
        label: `${pod.namespace}/${pod.name}`,
        detail: `Pod on ${pod.node ?? "no node"} · service account ${pod.serviceAccount} · troubleshoot`,
        href: links.troubleshoot({ namespace: pod.namespace, name: pod.name }),
      })),
  };
}

/** Trust domains (servers' own and federated ones) containing every word; each opens the federation page. */
export function matchTrustDomains(
  domains: readonly { trustDomain: string; server: string; own: boolean }[],
  query: string,
  limit: number,
): SearchGroup {
  const terms = searchTerms(query);
  const found = domains.filter((d) => terms.every((t) => d.trustDomain.toLowerCase().includes(t)));
  return {
    kind: "trustDomain",
    server: null,
    title: "Trust domains",
    total: found.length,
    items: found
      .slice(0, limit)
      .map((d) => ({
        kind: "trustDomain",
        label: d.trustDomain,
        detail: d.own ? `Trust domain of server ${d.server}` : `Federated with ${d.server}`,
        href: links.federation(d.server),
      })),
  };
}
