import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { TimeText } from "@/components/ui/time-text";
import type { Problem, ProblemSource } from "@/lib/overview/build-problems";

const sourceLabel: Record<ProblemSource, string> = {
  spire: "SPIRE",
  federation: "Federation",
  expiry: "Expiry",
  kubernetes: "Kubernetes",
  attestation: "Attestation",
};

/** Every problem across servers and the cluster, each linking to the page where it is fixed. */
export function ProblemsList({ problems, now }: { problems: Problem[]; now: number }) {
  if (problems.length === 0) return <p className="text-sm text-emerald-700">No problems found.</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="problems-list">
      {problems.map((p, i) => (
        <li
          key={`${p.source}-${p.server}-${p.title}-${i}`}
          data-testid="problem"
          data-source={p.source}
          data-severity={p.severity}
          className="flex items-start gap-2 py-2 text-sm"
        >
          <Badge tone={p.severity === "error" ? "bad" : "warn"} className="shrink-0">
            {p.severity}
          </Badge>
          <span className="min-w-0 flex-1 space-y-0.5">
            <Link href={p.href} className="font-medium break-words text-sky-800 hover:underline">
              {p.title}
            </Link>
            <span className="block text-xs text-slate-600">
              {sourceLabel[p.source]} · {p.server}
              {p.detail ? ` · ${p.detail}` : ""}
              {p.at ? (
                <>
                  {" "}
                  <TimeText iso={p.at} now={now} />
                </>
              ) : null}
            </span>
            {p.fix ? (
              <span className="block text-xs text-slate-700">
                <span className="font-medium">Fix:</span> {p.fix}
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
