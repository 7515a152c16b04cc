import { Badge } from "@/components/ui/badge";
import type { KubernetesProblem } from "@/lib/kubernetes/problems";
import { kubernetesProblemAnchor } from "@/lib/overview/cluster-problems";

/** Every problem found, errors first, each with what to do about it. */
export function ProblemList({ problems }: { problems: KubernetesProblem[] }) {
  if (problems.length === 0) {
    return (
      <p
        role="status"
        className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
      >
        No problems found: SPIRE&apos;s Kubernetes components look healthy.
      </p>
    );
  }
  return (
    <ul aria-label="Problems" className="space-y-2">
      {problems.map((problem) => (
        <li
          key={problem.id}
          id={kubernetesProblemAnchor(problem.id)}
          data-testid="k8s-problem"
          data-problem-id={problem.id}
          className="scroll-mt-20 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm target:ring-2 target:ring-sky-500"
        >
          <div className="flex items-start gap-2">
            <Badge tone={problem.severity === "error" ? "bad" : "warn"}>
              {problem.severity === "error" ? "Error" : "Warning"}
            </Badge>
            <p className="font-medium text-slate-900">{problem.title}</p>
          </div>
          <p className="mt-1 text-slate-600">{problem.detail}</p>
          <p className="mt-1 text-slate-800">
            <span className="font-medium">Fix: </span>
            {problem.fix}
          </p>
        </li>
      ))}
    </ul>
  );
}
