import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import type { Problem } from "@/lib/overview/build-problems";

/** Problems across servers, each linking to the page where it is fixed. */
export function ProblemsList({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return <p className="text-sm text-emerald-700">No problems found.</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="problems-list">
      {problems.map((p, i) => (
        <li key={`${p.server}-${p.title}-${i}`} data-testid="problem" className="flex items-start gap-2 py-2 text-sm">
          <Badge tone={p.severity === "error" ? "bad" : "warn"}>{p.severity}</Badge>
          <span className="w-12 shrink-0 text-xs text-slate-500">{p.server}</span>
          <span className="min-w-0 flex-1">
            <Link href={p.href} className="text-sky-800 hover:underline">
              {p.title}
            </Link>
            <span className="block truncate text-xs text-slate-500">{p.detail}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
