import { cn } from "@/lib/format/cn";
import type { SearchGroup, SearchItem } from "@/lib/search/search-items";

const kindLabel: Record<SearchItem["kind"], string> = {
  page: "Page",
  entry: "Entry",
  agent: "Agent",
  pod: "Pod",
  trustDomain: "Trust domain",
};

/** The palette's grouped options (a listbox driven from the input), a status line and unreadable sources. */
export function PaletteResults(props: {
  id: string;
  groups: SearchGroup[];
  activeIndex: number;
  onPick: (item: SearchItem) => void;
  onHover: (index: number) => void;
  status: string | null;
  problems: string[];
}) {
  let index = 0;
  return (
    <div className="min-h-0 flex-1 overflow-y-auto p-2">
      <ul id={`${props.id}-list`} role="listbox" aria-label="Results" className="space-y-1">
        {props.groups.map((group) => (
          <li key={`${group.kind}-${group.server ?? ""}`} role="presentation">
            <p role="presentation" className="px-2 pt-2 pb-1 text-xs font-semibold uppercase text-slate-600">
              {group.title}
              {group.total > group.items.length ? ` (${group.items.length} of ${group.total})` : ""}
            </p>
            <ul role="group" aria-label={group.title}>
              {group.items.map((item) => {
                const i = index++;
                const selected = i === props.activeIndex;
                return (
                  <li
                    key={`${item.kind}-${item.href}`}
                    id={`${props.id}-option-${i}`}
                    role="option"
                    aria-selected={selected}
                    data-testid="search-result"
                    data-kind={item.kind}
                    onClick={() => props.onPick(item)}
                    onMouseMove={() => props.onHover(i)}
                    className={cn(
                      "cursor-pointer rounded-md px-2 py-1.5",
                      selected ? "bg-sky-50 ring-1 ring-sky-300" : "hover:bg-slate-50",
                    )}
                  >
                    <span className="block truncate font-mono text-sm text-slate-900" title={item.label}>
                      {item.label}
                    </span>
                    <span className="block truncate text-xs text-slate-600">
                      <span className="sr-only">{kindLabel[item.kind]}: </span>
                      {item.detail}
                    </span>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      {props.status ? (
        <p role="status" className="px-2 py-3 text-sm text-slate-600">
          {props.status}
        </p>
      ) : null}
      {props.problems.map((p) => (
        <p key={p} className="mx-2 my-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
          Not searched: {p}
        </p>
      ))}
    </div>
  );
}
