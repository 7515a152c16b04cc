import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import { SelectorChips } from "@/components/ui/selector-chips";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { TimeText } from "@/components/ui/time-text";
import { formatDuration } from "@/lib/format/time";
import type { Entry } from "@/lib/spire/types";

const ttl = (seconds: number) => (seconds > 0 ? `${formatDuration(seconds)} (${seconds}s)` : "server default");
const list = (items: string[]) => (items.length ? items.join(", ") : "–");
/** Every field of an entry as a definition list; relative times are relative to `now` (epoch ms). */
export function EntryFields({ entry, now }: { entry: Entry; now: number }) {
  const time = (iso: string | null, none: string) => (iso ? <TimeText iso={iso} now={now} /> : none);
  const rows: [string, ReactNode][] = [
    ["Entry ID", <SpiffeId key="id" value={entry.id} label="entry ID" />],
    ["SPIFFE ID", <SpiffeId key="sid" value={entry.spiffeId} />],
    ["Parent ID", <SpiffeId key="pid" value={entry.parentId} label="parent ID" />],
    ["Selectors", <SelectorChips key="sel" selectors={entry.selectors} copy />],
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
    <dl
      className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]"
      data-testid="entry-fields"
    >
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="min-w-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
