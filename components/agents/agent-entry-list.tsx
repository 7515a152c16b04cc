import { SelectorChips } from "@/components/ui/selector-chips";
import { SpiffeId } from "@/components/ui/spiffe-id";
import { links } from "@/lib/links";
import type { Entry } from "@/lib/spire/types";

/** A compact list of entries with links to their detail pages. */
export function AgentEntryList({
  server,
  entries,
  total,
  empty,
}: {
  server: string;
  entries: Entry[];
  total: number;
  empty: string;
}) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="agent-entries">
      {entries.map((entry) => (
        <li key={entry.id} className="flex min-w-0 flex-wrap items-center gap-2 py-1.5">
          <SpiffeId value={entry.spiffeId} href={links.entry(server, entry.id)} className="text-xs" />
          <SelectorChips selectors={entry.selectors} />
        </li>
      ))}
      {total > entries.length ? (
        <li className="py-1.5 text-xs text-slate-500">…and {total - entries.length} more</li>
      ) : null}
    </ul>
  );
}
