import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import type { ExpiryItem } from "@/lib/expiry/classify-expiry";
import { formatAbsolute, formatRelative } from "@/lib/format/time";

import { urgencyTone } from "./urgency";

const kindLabel = {
  "x509-authority": "X.509 CA",
  "jwt-authority": "JWT key",
  "federated-ca": "federated CA",
  "agent-svid": "agent SVID",
  entry: "entry",
} as const;

/** Expiries, most urgent first, then soonest. */
export function SoonestList({ items, now }: { items: ExpiryItem[]; now: number }) {
  return (
    <ol className="divide-y divide-slate-100" data-testid="soonest-list">
      {items.map((item, i) => (
        <li
          key={`${item.server}-${item.kind}-${item.label}-${item.detail}-${i}`}
          data-testid="expiry-item"
          data-urgency={item.urgency}
          className="flex flex-wrap items-center gap-2 py-1.5 text-sm"
        >
          <Badge tone={urgencyTone[item.urgency]}>{item.urgency}</Badge>
          <span className="w-24 text-xs text-slate-500">
            {kindLabel[item.kind]} · {item.server}
          </span>
          <Link href={item.href} className="min-w-0 truncate font-mono text-xs text-sky-800 hover:underline">
            {item.label}
          </Link>
          <span className="ml-auto text-xs text-slate-600" title={formatAbsolute(item.expiresAt)}>
            {formatRelative(item.expiresAt, now)} · {formatAbsolute(item.expiresAt)}
          </span>
        </li>
      ))}
    </ol>
  );
}
