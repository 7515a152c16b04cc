import type { Selector } from "@/lib/spire/types";

/** Selectors as compact `type:value` chips. */
export function SelectorChips({ selectors }: { selectors: Selector[] }) {
  if (selectors.length === 0) return <span className="text-slate-500">none</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {selectors.map((s) => (
        <li
          key={`${s.type}:${s.value}`}
          className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700"
        >
          {s.type}:{s.value}
        </li>
      ))}
    </ul>
  );
}
