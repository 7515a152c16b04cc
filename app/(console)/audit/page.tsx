import Link from "next/link";

import { AuditTable } from "@/components/audit/audit-table";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { Field, Input, Select } from "@/components/ui/input";
import { StatePanel } from "@/components/ui/state-panel";
import { auditTimePresets } from "@/lib/audit/audit-links";
import { listAudit } from "@/lib/audit/load-audit";
import { requirePage } from "@/lib/auth/guard";
import { auditQuerySchema } from "@/lib/schemas/audit";
import { readQuery, toUrlSearchParams } from "@/lib/schemas/query-string";

import { readWithTime } from "../_components/read-with-time";

export const metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const textFilters = [
  ["actor", "Actor (name, subject or group)"],
  ["action", "Action (e.g. entry.update)"],
  ["target", "Target (entry ID or SPIFFE ID)"],
  ["server", "Server"],
] as const;

export default async function AuditPage({ searchParams }: Props) {
  await requirePage();
  const params = toUrlSearchParams(await searchParams);
  const parsed = auditQuerySchema.safeParse(readQuery(params));
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const { data: page, readAt } = await readWithTime(() => listAudit(query));
  const next = new URLSearchParams(params);
  if (page.nextBefore) next.set("before", String(page.nextBefore));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Audit log</h1>
        <div className="flex items-center gap-3">
          <VerifyChainButton />
          <a
            className="text-sm text-sky-800 underline"
            href={`/api/audit?${new URLSearchParams({ ...Object.fromEntries(params), format: "ndjson" }).toString()}`}
          >
            Export (JSON lines)
          </a>
        </div>
      </div>
      <nav aria-label="Time presets" className="flex flex-wrap gap-3 text-sm">
        {auditTimePresets(readAt, params).map((preset) => (
          <Link key={preset.label} href={preset.href} className="text-sky-800 underline">
            {preset.label}
          </Link>
        ))}
      </nav>
      <form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3">
        {textFilters.map(([name, label]) => (
          <Field key={name} id={`audit-${name}`} label={label}>
            <Input name={name} defaultValue={params.get(name) ?? ""} />
          </Field>
        ))}
        <Field id="audit-outcome" label="Outcome">
          <Select name="outcome" defaultValue={params.get("outcome") ?? ""}>
            <option value="">any</option>
            <option value="ok">ok</option>
            <option value="denied">denied</option>
            <option value="error">error</option>
          </Select>
        </Field>
        <Field id="audit-from" label="From (UTC, ISO-8601)">
          <Input name="from" defaultValue={params.get("from") ?? ""} placeholder="2026-11-30T00:00:00Z" />
        </Field>
        <Field id="audit-to" label="To (UTC, ISO-8601)">
          <Input name="to" defaultValue={params.get("to") ?? ""} placeholder="2026-12-01T00:00:00Z" />
        </Field>
        <div className="flex items-end">
          <button
            type="submit"
            className="h-9 rounded-md bg-sky-700 px-4 text-sm font-medium text-white hover:bg-sky-800"
          >
            Filter
          </button>
        </div>
      </form>
      {!parsed.success ? (
        <StatePanel tone="error" title="These filters are not valid">
          {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </StatePanel>
      ) : null}
      {page.records.length === 0 ? (
        <p className="text-sm text-slate-600">No audit records match.</p>
      ) : (
        <AuditTable records={page.records} now={readAt} />
      )}
      {page.nextBefore ? (
        <Link className="text-sm text-sky-800 underline" href={`/audit?${next.toString()}`}>
          Older records
        </Link>
      ) : null}
    </div>
  );
}
