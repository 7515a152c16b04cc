import type { Selector } from "@/lib/spire/types";

import { CopyButton } from "./copy-button";

/** Selectors as compact `type:value` chips; `copy` adds a button copying them, one per line. */
export function SelectorChips({ selectors, copy = false }: { selectors: Selector[]; copy?: boolean }) {
  if (selectors.length === 0) return <span className="text-slate-500">none</span>;
  return (
    <ul className="flex min-w-0 flex-wrap items-center gap-1">
      {selectors.map((s) => (
        <li
          key={`${s.type}:${s.value}`}
          className="max-w-full rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all text-slate-700"
        >
          {s.type}:{s.value}
        </li>
      ))}
      {copy ? (
        <li>
          <CopyButton value={selectors.map((s) => `${s.type}:${s.value}`).join("\n")} label="selectors" />
        </li>
      ) : null}
    </ul>
  );
}
