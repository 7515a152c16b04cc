"use client";

import { useState } from "react";

import { ApiClientError } from "@/lib/query/fetch-json";

import { PlanFileForm } from "./plan-file-form";
import { PlanView } from "./plan-view";
import { useCreatePlan, useSavedPlan } from "./use-entries-as-code";

/**
 * Paste or upload a file, read its plan against the server, and apply it; after an apply, the plan
 * that undoes it can be opened here and applied the same way.
 */
export function PlanPanel({ server }: { server: string }) {
  const plan = useCreatePlan(server);
  const [undoId, setUndoId] = useState<string | null>(null);
  const undo = useSavedPlan(server, undoId);
  const details = plan.error instanceof ApiClientError ? plan.error.details : [];
  const error = plan.isError
    ? [plan.error.message, ...details.map((d) => `${d.path}: ${d.message}`)].join(" · ")
    : null;
  const shown = undoId ? undo.data : plan.data;
  return (
    <div className="space-y-4">
      <PlanFileForm
        busy={plan.isPending}
        error={error}
        onPlan={(file) => {
          setUndoId(null);
          plan.mutate(file);
        }}
      />
      {undoId && undo.isPending ? <p className="text-sm text-slate-700">Reading plan {undoId}…</p> : null}
      {undoId && undo.isError ? (
        <p role="alert" className="text-sm text-red-800">
          {undo.error.message}
        </p>
      ) : null}
      {shown ? <PlanView key={shown.id} server={server} plan={shown} onReviewUndo={setUndoId} /> : null}
    </div>
  );
}
