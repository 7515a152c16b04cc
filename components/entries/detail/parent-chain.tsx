import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import type { ChainLink } from "@/lib/entries/build-index";
import { links } from "@/lib/links";

/** The entry's parents from the server down to the entry itself. */
export function ParentChain({ chain, server, self }: { chain: ChainLink[]; server: string; self: string }) {
  const top = [...chain].reverse();
  return (
    <ol aria-label="Parent chain" className="space-y-1 text-sm" data-testid="parent-chain">
      {top.map((link, i) => (
        <li
          key={`${link.spiffeId}-${i}`}
          style={{ paddingLeft: `${i * 16}px` }}
          className="flex min-w-0 items-center gap-2 [&_a]:break-all"
        >
          <Badge tone={link.kind === "missing" ? "bad" : "neutral"}>
            {link.kind === "missing" ? "missing parent" : link.kind}
          </Badge>
          {link.kind === "entry" && link.entryId ? (
            <Link className="font-mono text-xs text-sky-800 hover:underline" href={links.entry(server, link.entryId)}>
              {link.spiffeId}
            </Link>
          ) : link.kind === "agent" ? (
            <Link className="font-mono text-xs text-sky-800 hover:underline" href={links.agent(server, link.spiffeId)}>
              {link.spiffeId}
            </Link>
          ) : (
            <span className="font-mono text-xs">{link.spiffeId}</span>
          )}
        </li>
      ))}
      <li style={{ paddingLeft: `${top.length * 16}px` }} className="flex items-center gap-2">
        <Badge tone="info">this entry</Badge>
        <span className="font-mono text-xs font-semibold">{self}</span>
      </li>
    </ol>
  );
}
