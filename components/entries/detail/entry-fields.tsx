import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import { SelectorChips } from "@/components/ui/selector-chips";
import { formatAbsolute, formatDuration, formatRelative } from "@/lib/format/time";
import type { Entry } from "@/lib/spire/types";

const ttl = (seconds: number) => (seconds > 0 ? `${formatDuration(seconds)} (${seconds}s)` : "server default");
const list = (items: string[]) => (items.length ? items.join(", ") : "–");
/** Every field of an entry as a definition list; relative times are relative to `now` (epoch ms). */
export function EntryFields({ entry, now }: { entry: Entry; now: number }) {
  const time = (iso: string | null, none: string) =>
    iso ? `${formatAbsolute(iso)} (${formatRelative(iso, now)})` : none;
  const rows: [string, ReactNode][] = [
    [
      "Entry ID",
      <span key="id" className="font-mono">
        {entry.id}
      </span>,
    ],
    [
      "SPIFFE ID",
      <span key="sid" className="font-mono">
        {entry.spiffeId}
      </span>,
    ],
    [
      "Parent ID",
      <span key="pid" className="font-mono">
        {entry.parentId}
      </span>,
    ],
    ["Selectors", <SelectorChips key="sel" selectors={entry.selectors} />],
    ["X509-SVID TTL", ttl(entry.x509SvidTtl)],
    ["JWT-SVID TTL", ttl(entry.jwtSvidTtl)],
    ["Federates with", list(entry.federatesWith)],
    ["DNS names", list(entry.dnsNames)],
    [
      "Flags",
      <span key="flags" className="space-x-1">
        {entry.admin ? <Badge tone="warn">admin</Badge> : null}
        {entry.downstream ? <Badge tone="info">downstream</Badge> : null}
        {entry.storeSvid ? <Badge>store SVID</Badge> : null}
        {!entry.admin && !entry.downstream && !entry.storeSvid ? "–" : null}
      </span>,
    ],
    [
      "Additional attributes",
      <span key="attributes" className="space-x-1" data-testid="entry-additional-attributes">
        {entry.additionalAttributes.disableX509SvidPrefetch ? <Badge>X509-SVID prefetch disabled</Badge> : null}
        {entry.additionalAttributes.jwtSvidIncludeJti ? <Badge>JWT-SVIDs include jti</Badge> : null}
        {!entry.additionalAttributes.disableX509SvidPrefetch && !entry.additionalAttributes.jwtSvidIncludeJti
          ? "–"
          : null}
      </span>,
    ],
    ["Hint", entry.hint || "–"],
    ["Expires", time(entry.expiresAt, "never")],
    ["Created", time(entry.createdAt, "–")],
    ["Revision", String(entry.revisionNumber)],
  ];
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm" data-testid="entry-fields">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="min-w-0 break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
