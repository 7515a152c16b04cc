"use client";

import { useState } from "react";

import { SelectorChips } from "@/components/ui/selector-chips";
import type { Selector } from "@/lib/spire/types";

/** The selector that best names an agent in one line (node name, subject, …), else the first. */
function telling(selectors: Selector[]): Selector | undefined {
  const prefer = ["agent_node_name:", "subject:cn:", "san:", "instance_id:"];
  for (const prefix of prefer) {
    const found = selectors.find((s) => s.value.startsWith(prefix));
    if (found) return found;
  }
  return selectors[0];
}

/** An agent's selectors as one line (a count and the most telling one), expandable to all of them. */
export function SelectorSummary({ selectors, label }: { selectors: Selector[]; label: string }) {
  const [open, setOpen] = useState(false);
  if (selectors.length === 0) return <span className="text-xs text-slate-600">no selectors</span>;
  const first = telling(selectors)!;
  return (
    <div className="min-w-0 text-xs">
      <div className="flex min-w-0 flex-wrap items-center gap-x-2">
        <span className="truncate font-mono" title={`${first.type}:${first.value}`}>
          {first.type}:{first.value}
        </span>
        {selectors.length > 1 ? (
          <button
            type="button"
            className="shrink-0 rounded px-1 text-sky-800 underline hover:bg-slate-100"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? "hide" : `+${selectors.length - 1} more`}
            <span className="sr-only"> selectors of {label}</span>
          </button>
        ) : null}
      </div>
      {open ? (
        <div className="mt-1 [&_li]:break-all">
          <SelectorChips selectors={selectors} />
        </div>
      ) : null}
    </div>
  );
}
