import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { TimeText } from "@/components/ui/time-text";
import type { ExpiryItem } from "@/lib/expiry/classify-expiry";

import { kindLabel, urgencyTone } from "./urgency";

/**
 * Expiries, most urgent first, then soonest, each linked to where it is handled (the entry, the
 * agent, the authorities or federation page). With `advice`, each says whether SPIRE renews it by
 * itself and what to do.
 */
export function SoonestList({ items, now, advice = false }: { items: ExpiryItem[]; now: number; advice?: boolean }) {
  return (
    <ol className="divide-y divide-slate-100" data-testid="soonest-list">
      {items.map((item, i) => (
        <li
          key={`${item.server}-${item.kind}-${item.label}-${item.detail}-${i}`}
          data-testid="expiry-item"
          data-urgency={item.urgency}
          data-renewal={item.renewal}
          className="py-1.5 text-sm"
        >
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={urgencyTone[item.urgency]}>{item.urgency}</Badge>
            <span className="w-24 text-xs text-slate-600">
              {kindLabel[item.kind]} · {item.server}
            </span>
            <span className="flex min-w-0 flex-1">
              {item.label.startsWith("spiffe://") ? (
                <SpiffeId value={item.label} href={item.href} copy={false} className="text-xs" />
              ) : (
                <Link href={item.href} className="truncate font-mono text-xs text-sky-800 hover:underline">
                  {item.label}
                </Link>
              )}
            </span>
            <TimeText iso={item.expiresAt} now={now} className="ml-auto text-xs text-slate-600" />
          </div>
          {advice ? (
            <p className="mt-0.5 text-xs text-slate-700" data-testid="expiry-advice">
              <span className="font-medium">{item.renewal === "spire" ? "Renewed by SPIRE." : "Yours to renew."}</span>{" "}
              {item.advice}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
