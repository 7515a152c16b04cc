import { Badge } from "@/components/ui/badge";
import { SpiffeId } from "@/components/ui/spiffe-id";
import type { ChainLink } from "@/lib/entries/tree-types";
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
          className="flex min-w-0 items-center gap-2"
        >
          <Badge tone={link.kind === "missing" ? "bad" : "neutral"}>
            {link.kind === "missing" ? "missing parent" : link.kind}
          </Badge>
          <SpiffeId
            value={link.spiffeId}
            className="text-xs"
            href={
              link.kind === "entry" && link.entryId
                ? links.entry(server, link.entryId)
                : link.kind === "agent"
                  ? links.agent(server, link.spiffeId)
                  : undefined
            }
          />
        </li>
      ))}
      <li style={{ paddingLeft: `${top.length * 16}px` }} className="flex min-w-0 items-center gap-2">
        <Badge tone="info">this entry</Badge>
        <SpiffeId value={self} copy={false} className="text-xs font-semibold" />
      </li>
    </ol>
  );
}
