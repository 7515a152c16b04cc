import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import type { TtlWarning } from "@/lib/expiry/load-expiry";
import { links } from "@/lib/links";

/** Entries whose X509-SVID TTL the active CA cannot (always) honour, with the effective TTL explained. */
export function TtlWarnings({ warnings }: { warnings: TtlWarning[] }) {
  if (warnings.length === 0) {
    return (
      <p className="text-sm text-slate-500">
        Every entry&apos;s X.509 SVID TTL fits within what the active CA guarantees (entries using the server default
        are not checked: the API does not expose it).
      </p>
    );
  }
  return (
    <ul className="space-y-2" data-testid="ttl-warnings">
      {warnings.map((w) => (
        <li key={`${w.server}-${w.entryId}`} className="text-sm">
          <Badge tone={w.status === "capped" ? "bad" : "warn"}>
            {w.status === "capped" ? "capped now" : "may be cut short"}
          </Badge>{" "}
          <Link href={links.entry(w.server, w.entryId)} className="font-mono text-xs text-sky-800 hover:underline">
            {w.spiffeId}
          </Link>
          <span className="text-xs text-slate-500"> on {w.server}</span>
          <p className="mt-0.5 text-xs text-slate-700">{w.explanation}</p>
        </li>
      ))}
    </ul>
  );
}
