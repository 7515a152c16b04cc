"use client";

import { ApiClientError } from "@/lib/query/fetch-json";

import { PlanFileForm } from "./plan-file-form";
import { PlanView } from "./plan-view";
import { useCreatePlan } from "./use-entries-as-code";

/** Paste or upload a file, read its plan against the server, and apply it. */
export function PlanPanel({ server }: { server: string }) {
  const plan = useCreatePlan(server);
  const details = plan.error instanceof ApiClientError ? plan.error.details : [];
  const error = plan.isError
    ? [plan.error.message, ...details.map((d) => `${d.path}: ${d.message}`)].join(" · ")
    : null;
  return (
    <div className="space-y-4">
      <PlanFileForm busy={plan.isPending} error={error} onPlan={(file) => plan.mutate(file)} />
      {plan.data ? <PlanView key={plan.data.id} server={server} plan={plan.data} /> : null}
    </div>
  );
}
