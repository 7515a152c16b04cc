"use client";

import { useState } from "react";

import { useAccess } from "@/components/auth/access-provider";
import { NotAllowed } from "@/components/auth/not-allowed";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CheckboxField, Field, Input } from "@/components/ui/input";
import { StatePanel } from "@/components/ui/state-panel";
import type { CleanupReport } from "@/lib/cleanup/cleanup-types";

import { DryRunPanel, ResultTable } from "./dry-run-panel";
import { FindingsTable, kindLabels } from "./findings-table";
import { type CleanupOptions, useApplyCleanup, useCleanupReport, useDryRun } from "./use-cleanup";

function Summary({ report }: { report: CleanupReport }) {
  const counts = Object.entries(report.counts).filter(([, n]) => n > 0);
  return (
    <p className="text-sm text-slate-700" data-testid="cleanup-summary">
      {report.findings.length === 0
        ? "Nothing stale found."
        : `${report.findings.length} finding(s): ${counts.map(([k, n]) => `${n} ${kindLabels[k as keyof typeof kindLabels]}`).join(", ")}.`}{" "}
      Checked {new Date(report.checkedAt).toLocaleTimeString()}.
    </p>
  );
}

/**
 * Finds stale entries and agents, lets anyone who may see them select some and preview the dry run, and an
 * operator apply them as one batch.
 */
export function CleanupView({ server }: { server: string }) {
  const [options, setOptions] = useState<CleanupOptions>({ agentExpiredDays: 30, includeControllerOwned: false });
  const [days, setDays] = useState("30");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const report = useCleanupReport(server, options);
  const dryRun = useDryRun(server);
  const apply = useApplyCleanup(server);
  const preview = useAccess("cleanup.preview", server);
  const access = useAccess("cleanup.apply", server);
  // The dry run says whether this selection may be applied (scope of every entry, agent evictions).
  const applyAccess = access.allowed && dryRun.data && !dryRun.data.apply.allowed ? dryRun.data.apply : access;
  const keys = [...selected];
  const body = { ...options, keys };
  const change = (next: CleanupOptions) => {
    setOptions(next);
    setSelected(new Set());
    dryRun.reset();
  };
  const toggle = (key: string) => {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setSelected(next);
    dryRun.reset();
  };
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          change({ ...options, agentExpiredDays: Number(days) || 0 });
        }}
      >
        <Field id="cleanup-days" label="Agents count as stale after their SVID expired (days)">
          <Input
            type="number"
            min={0}
            max={3650}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            className="w-28"
          />
        </Field>
        <CheckboxField
          id="cleanup-controller"
          label="Include controller-owned entries"
          hint="spire-controller-manager recreates or removes its entries itself."
          checked={options.includeControllerOwned}
          onChange={(v) => change({ ...options, includeControllerOwned: v })}
        />
        <Button type="submit" variant="secondary">
          Find again
        </Button>
      </form>
      {report.isPending ? <StatePanel tone="loading" title="Looking for stale data…" /> : null}
      {report.isError ? (
        <StatePanel tone="error" title="Could not look for stale data">
          {report.error.message}
        </StatePanel>
      ) : null}
      {report.data ? (
        <>
          <Summary report={report.data} />
          {report.data.findings.length ? (
            <FindingsTable
              server={server}
              caption={`Stale entries and agents of ${server}`}
              findings={report.data.findings}
              selected={selected}
              onToggle={toggle}
              onToggleAll={(all) => {
                setSelected(new Set(all ? report.data.findings.map((f) => f.key) : []));
                dryRun.reset();
              }}
            />
          ) : null}
          {report.data.excluded.length ? (
            <details className="text-sm" data-testid="excluded-findings">
              <summary className="cursor-pointer">
                {report.data.excluded.length} controller-owned finding(s) left out: spire-controller-manager owns them
              </summary>
              <div className="mt-2">
                <FindingsTable server={server} caption="Controller-owned findings" findings={report.data.excluded} />
              </div>
            </details>
          ) : null}
        </>
      ) : null}
      <div className="flex flex-wrap items-center gap-3" data-testid="cleanup-actions">
        <span className="text-sm">{keys.length} selected</span>
        {preview.allowed ? (
          <Button
            variant="secondary"
            disabled={keys.length === 0 || dryRun.isPending}
            onClick={() => dryRun.mutate(body)}
          >
            {dryRun.isPending ? "Working…" : "Dry run"}
          </Button>
        ) : (
          <NotAllowed label="Dry run" access={preview} id="cleanup-preview-not-allowed" />
        )}
        {applyAccess.allowed ? (
          <Button variant="destructive" disabled={!dryRun.data || apply.isPending} onClick={() => setConfirming(true)}>
            Apply clean-up
          </Button>
        ) : (
          <NotAllowed label="Apply clean-up" access={applyAccess} id="cleanup-not-allowed" />
        )}
        {dryRun.isError ? (
          <span role="alert" className="text-sm text-red-800">
            {dryRun.error.message}
          </span>
        ) : null}
      </div>
      {dryRun.data ? <DryRunPanel dryRun={dryRun.data} /> : null}
      {apply.isError ? (
        <p role="alert" className="text-sm text-red-800">
          {apply.error.message}
        </p>
      ) : null}
      {apply.data ? <ResultTable result={apply.data} /> : null}
      {confirming && dryRun.data && applyAccess.allowed ? (
        <ConfirmDialog
          open
          title={`Remove ${dryRun.data.rows.filter((r) => r.plan === "send").length} item(s) from ${server}?`}
          confirmLabel="Apply clean-up"
          busy={apply.isPending}
          typedConfirmation={`delete ${dryRun.data.rows.filter((r) => r.plan === "send").length}`}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            apply.mutate(body, {
              onSettled: () => {
                setConfirming(false);
                setSelected(new Set());
                dryRun.reset();
              },
            })
          }
        >
          <p>The calls of the dry run are sent as one batch; each row gets its own result and audit record.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
