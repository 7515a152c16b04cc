import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { TimeText } from "@/components/ui/time-text";
import type { Problem, ProblemSource, ProblemSymptom } from "@/lib/overview/build-problems";

const sourceLabel: Record<ProblemSource, string> = {
  spire: "SPIRE",
  federation: "Federation",
  expiry: "Expiry",
  kubernetes: "Kubernetes",
  attestation: "Attestation",
};

/** The problems a root cause causes, under it: each links to its own place. */
function Symptoms({ symptoms }: { symptoms: ProblemSymptom[] }) {
  return (
    <span className="mt-1 block border-l-2 border-slate-200 pl-2 text-xs">
      <span className="block font-medium text-slate-700">Causes {symptoms.length} more:</span>
      <ul className="space-y-0.5" data-testid="problem-symptoms">
        {symptoms.map((s) => (
          <li key={s.href} data-testid="problem-symptom" data-severity={s.severity} className="break-words">
            <Link href={s.href} className="text-sky-800 hover:underline">
              {s.title}
            </Link>
          </li>
        ))}
      </ul>
    </span>
  );
}

/** Every problem across servers and the cluster (a root cause with its symptoms), each linking to its fix. */
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
            <Link
              href={p.href}
              data-testid="problem-link"
              className="font-medium break-words text-sky-800 hover:underline"
            >
              {p.title}
            </Link>
            <span className="block text-xs text-slate-600">
              {sourceLabel[p.source]} · {p.server}
              {p.where ? <span data-testid="problem-where">{` · ${p.where}`}</span> : null}
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
            {p.symptoms?.length ? <Symptoms symptoms={p.symptoms} /> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
