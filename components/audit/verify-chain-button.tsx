"use client";

import { useMutation } from "@tanstack/react-query";

import { Button } from "@/components/ui/button";
import { verifyAuditChain } from "@/lib/query/api";

/** Walks the audit log's hash chain on the server and says whether it holds, or where it breaks. */
export function VerifyChainButton() {
  const check = useMutation({ mutationFn: verifyAuditChain });
  const report = check.data;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" size="sm" onClick={() => check.mutate()} disabled={check.isPending}>
        {check.isPending ? "Verifying…" : "Verify the chain"}
      </Button>
      <span role="status" className="text-sm">
        {report?.ok === true ? (
          <span className="text-emerald-800">The chain holds: {report.records} records, none changed or missing.</span>
        ) : null}
        {report?.ok === false ? <span className="text-red-800">Broken: {report.problem.message}.</span> : null}
        {check.isError ? <span className="text-red-800">{check.error.message}</span> : null}
      </span>
    </div>
  );
}
