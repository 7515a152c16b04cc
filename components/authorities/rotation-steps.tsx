"use client";

import { useState } from "react";

import { useAccess } from "@/components/auth/access-provider";
import { NotAllowed } from "@/components/auth/not-allowed";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TimeText } from "@/components/ui/time-text";
import type { Check, RotationStep, RotationView } from "@/lib/authorities/rotation-types";
import { cn } from "@/lib/format/cn";

import { useRotationStep } from "./use-rotation";

const mark: Record<Check["state"], { sign: string; tone: string; word: string }> = {
  ok: { sign: "✓", tone: "text-emerald-800", word: "holds" },
  fail: { sign: "✗", tone: "text-red-800", word: "does not hold" },
  unknown: { sign: "?", tone: "text-amber-800", word: "unknown" },
};

function CheckList({ checks }: { checks: Check[] }) {
  return (
    <ul className="space-y-1 text-sm" aria-label="Preconditions">
      {checks.map((check) => (
        <li
          key={check.id}
          className="flex gap-2"
          data-testid="step-check"
          data-check={check.id}
          data-state={check.state}
        >
          <span aria-hidden="true" className={cn("w-4 shrink-0 font-bold", mark[check.state].tone)}>
            {mark[check.state].sign}
          </span>
          <span className="min-w-0 break-words [overflow-wrap:anywhere]">
            <span className="font-medium">{check.label}</span>
            <span className="sr-only"> ({mark[check.state].word})</span>
            {check.required ? null : <span className="text-slate-600"> (for information)</span>}
            {": "}
            <span className="text-slate-700">{check.detail}</span>
            {check.waitSeconds ? <span className="text-slate-700"> Holds in about {check.waitSeconds} s.</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A finished step: a tick with who did it and when (its preconditions no longer apply). */
function DoneLine({ step, now }: { step: RotationStep; now: number }) {
  return (
    <p className="mt-3 flex gap-2 text-sm" data-testid="step-done">
      <span aria-hidden="true" className="w-4 shrink-0 font-bold text-emerald-800">
        ✓
      </span>
      <span>
        {step.doneBy ? (
          <>
            Done by {step.doneBy.by ?? "an unknown user"} <TimeText iso={step.doneBy.at} now={now} /> (through this
            console).
          </>
        ) : (
          "Done, outside this console (no record of who or when)."
        )}
      </span>
    </p>
  );
}

/** One step: what SPIRE does, the CLI command, its preconditions, and the button (behind a confirmation). */
function StepCard({ view, step, index, now }: { view: RotationView; step: RotationStep; index: number; now: number }) {
  const access = useAccess("authorities.rotate", view.server);
  const run = useRotationStep(view.server);
  const [confirming, setConfirming] = useState(false);
  const label = `${step.title} ${step.id === "prepare" ? `a new ${view.kind} authority` : (step.authorityId ?? "")}`;
  const destructive = step.typedConfirmation;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="rotation-step" data-step={step.id}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold">
          {index + 1}. {step.title}
        </h3>
        {step.done ? <Badge tone="good">done</Badge> : null}
        {!step.done && step.allowed ? <Badge tone="info">ready</Badge> : null}
        {!step.done && !step.allowed ? <Badge tone="neutral">waiting</Badge> : null}
      </div>
      <p className="mt-1 text-sm text-slate-700">
        SPIRE: <q>{step.spireSays}</q>
      </p>
      <CodeBlock tone="light" className="mt-2" aria-label={`CLI command of the ${step.id} step`}>
        {step.command}
      </CodeBlock>
      {step.done ? (
        <DoneLine step={step} now={now} />
      ) : (
        <div className="mt-3">
          <CheckList checks={step.checks} />
        </div>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {access.allowed ? (
          <Button
            className="h-auto max-w-full py-1.5 text-left [overflow-wrap:anywhere]"
            variant={destructive ? "destructive" : "primary"}
            disabled={!step.allowed || run.isPending}
            onClick={() => setConfirming(true)}
          >
            {label}
          </Button>
        ) : (
          <NotAllowed label={label} access={access} id={`rotate-${view.kind}-${step.id}-not-allowed`} />
        )}
        {run.isError ? (
          <p role="alert" className="text-sm text-red-800" data-testid="step-error">
            {run.error.message}
          </p>
        ) : null}
        {run.isSuccess && !step.done ? (
          <p role="status" className="text-sm text-emerald-800">
            Done.
          </p>
        ) : null}
      </div>
      {confirming ? (
        <ConfirmDialog
          open
          title={`${step.title} the ${view.kind} authority of ${view.server}?`}
          confirmLabel={label}
          busy={run.isPending}
          variant={destructive ? "destructive" : "default"}
          typedConfirmation={destructive && step.authorityId ? step.authorityId.slice(0, 8) : undefined}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            run.mutate(
              { kind: view.kind, step: step.id, authorityId: step.authorityId },
              { onSettled: () => setConfirming(false) },
            )
          }
        >
          <p>
            SPIRE: <q>{step.spireSays}</q>
          </p>
          {step.authorityId ? <p className="break-all font-mono text-xs">{step.authorityId}</p> : null}
          <p data-testid="step-consequence">
            <span className="font-medium">What this breaks, and for whom: </span>
            {step.consequence}
          </p>
        </ConfirmDialog>
      ) : null}
    </li>
  );
}

/** The guided rotation: prepare → activate → taint → revoke, each with its preconditions. */
export function RotationSteps({ view, now }: { view: RotationView; now: number }) {
  return (
    <ol className="space-y-3" aria-label={`Rotation of the ${view.kind} authority`}>
      {view.steps.map((step, i) => (
        <StepCard key={step.id} view={view} step={step} index={i} now={now} />
      ))}
    </ol>
  );
}
