"use client";

import Link from "next/link";
import { useState } from "react";

import { useAccess } from "@/components/auth/access-provider";
import { NotAllowed } from "@/components/auth/not-allowed";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import type { ApplyResult, Plan } from "@/lib/entries-as-code/types";
import { links } from "@/lib/links";

import { ChangeList } from "./change-list";
import { FederationChangeList } from "./federation-change-list";
import { useApplyPlan } from "./use-entries-as-code";

function ApplyResults({ result, onReviewUndo }: { result: ApplyResult; onReviewUndo?: (planId: string) => void }) {
  const failed = result.results.filter((r) => r.status.code !== "ok");
  return (
    <div className="space-y-1 text-sm" data-testid="apply-result">
      <p>
        {result.summary.ok} applied, {result.summary.failed} failed.{" "}
        <Link className="text-sky-800 underline" href={links.audit({ target: result.planId })}>
          See it in the audit log
        </Link>
      </p>
      {failed.length ? (
        <ul className="list-disc pl-5 text-red-800">
          {failed.map((r) => (
            <li key={r.index}>
              {r.action} {r.spiffeId}: {r.status.message}
            </li>
          ))}
        </ul>
      ) : null}
      {result.inversePlanId ? (
        <p className="flex flex-wrap items-center gap-2 text-slate-700">
          <span>Plan {result.inversePlanId} undoes this apply.</span>
          {onReviewUndo ? (
            <Button variant="secondary" size="sm" onClick={() => onReviewUndo(result.inversePlanId!)}>
              Review the undo plan
            </Button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A saved plan: its summary, risk flags, mass-delete guard and changes, and Apply for those allowed.
 * After an apply, `onReviewUndo` (when given) opens the plan that undoes it.
 */
export function PlanView({
  server,
  plan,
  onReviewUndo,
}: {
  server: string;
  plan: Plan;
  onReviewUndo?: (planId: string) => void;
}) {
  const access = useAccess("entries.write", server);
  const apply = useApplyPlan(server);
  const toast = useToast();
  const [override, setOverride] = useState(false);
  const changes = plan.summary.create + plan.summary.update + plan.summary.delete;
  const blocked = plan.guard.tripped && !override;
  const run = () =>
    apply.mutate(
      { planId: plan.id, allowMassDelete: override },
      {
        onSuccess: (result) =>
          toast({
            tone: result.ok ? "success" : "error",
            title: result.ok
              ? `Plan applied: ${plan.summaryLine}`
              : `Plan partly applied: ${result.summary.failed} failed`,
            description: `Plan ${plan.id} on ${server}`,
            link: { href: links.audit({ target: plan.id }), label: "Audit log" },
          }),
      },
    );
  return (
    <section aria-labelledby="plan-title" className="space-y-3" data-testid="plan-view">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="plan-title" className="text-base font-semibold">
          Plan {plan.id}
        </h2>
        <Badge tone={changes ? "warn" : "good"} data-testid="plan-summary">
          {plan.summaryLine}
        </Badge>
        <span className="text-xs text-slate-600">
          {plan.summary.unchanged} unchanged · {plan.summary.unmanaged} unmanaged in scope
          {plan.prune ? " · prune" : ""}
        </span>
      </div>
      {plan.risks.length ? (
        <div role="note" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{plan.risks.length} risk flag(s)</p>
          <ul className="list-disc pl-5">
            {plan.risks.map((r, i) => (
              <li key={`${r.kind}-${r.spiffeId}-${i}`}>{r.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {plan.guard.tripped ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="mass-delete-guard">
          <p className="text-sm text-amber-900">Mass-delete guard: {plan.guard.message}</p>
          <CheckboxField
            id="plan-override"
            label={`Delete ${plan.guard.deletes} of ${plan.guard.scopeSize} entries in scope anyway`}
            hint="Apply is refused without this: the file would remove more than the guard allows."
            checked={override}
            onChange={setOverride}
          />
        </div>
      ) : null}
      <ChangeList changes={plan.changes} risks={plan.risks} label={`Changes of plan ${plan.id}`} />
      <FederationChangeList federation={plan.federation} />
      <div className="flex flex-wrap items-center gap-3">
        {access.allowed ? (
          <Button
            variant={plan.summary.delete ? "destructive" : "primary"}
            disabled={!changes || blocked || apply.isPending || Boolean(apply.data)}
            onClick={run}
          >
            {apply.isPending ? "Applying…" : "Apply"}
          </Button>
        ) : (
          <NotAllowed label="Apply" access={access} id="plan-apply-not-allowed" />
        )}
        {!changes ? (
          <span className="text-sm text-slate-700">Nothing to apply: the server already matches.</span>
        ) : null}
        {blocked ? <span className="text-sm text-amber-900">Tick the override to apply past the guard.</span> : null}
      </div>
      {apply.isError ? (
        <p role="alert" className="text-sm text-red-800">
          {apply.error.message}
        </p>
      ) : null}
      {apply.data ? <ApplyResults result={apply.data} onReviewUndo={onReviewUndo} /> : null}
    </section>
  );
}
