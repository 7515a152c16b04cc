import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { findFixCommands } from "@/lib/kubernetes/fix-commands";
import { nestProblems } from "@/lib/kubernetes/group-problems";
import type { KubernetesProblem } from "@/lib/kubernetes/problems";
import { kubernetesProblemAnchor } from "@/lib/overview/cluster-problems";

/** One problem with what to do about it; a root cause lists the problems it causes under it. */
function ProblemItem({ problem, symptoms = [] }: { problem: KubernetesProblem; symptoms?: KubernetesProblem[] }) {
  return (
    <li
      id={kubernetesProblemAnchor(problem.id)}
      data-testid="k8s-problem"
      data-problem-id={problem.id}
      data-cause-id={problem.causeId}
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
      {findFixCommands(problem.fix).map((command) => (
        <CodeBlock
          key={command}
          wrap
          tone="light"
          className="mt-2"
          copyText={command}
          copyLabel="command"
          data-testid="fix-command"
        >
          {command}
        </CodeBlock>
      ))}
      {symptoms.length ? (
        <div className="mt-3 border-l-2 border-slate-200 pl-3" data-testid="k8s-symptoms">
          <p className="text-xs font-semibold text-slate-700">
            Caused by this ({symptoms.length}): fixing it should clear them too
          </p>
          <ul aria-label={`Caused by: ${problem.title}`} className="mt-2 space-y-2">
            {symptoms.map((symptom) => (
              <ProblemItem key={symptom.id} problem={symptom} />
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}

/** Every problem found, errors first, each root cause once with the problems it causes under it. */
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
      {nestProblems(problems).map(({ cause, symptoms }) => (
        <ProblemItem key={cause.id} problem={cause} symptoms={symptoms} />
      ))}
    </ul>
  );
}
