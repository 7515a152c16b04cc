// Reading the console's audit log from tests, through its API (as the run's bootstrap admin).
import type { AuditRecord } from "../../lib/store/types";
import { consoleFetch } from "./api";

/** Audit records (results and events) matching the filters, newest first; `base` picks another console. */
export async function auditRecords(filters: Record<string, string>, base?: string): Promise<AuditRecord[]> {
  const query = new URLSearchParams({ limit: "200", ...filters }).toString();
  const response = await consoleFetch(`${base ?? ""}/api/audit?${query}`);
  if (response.status !== 200) throw new Error(`GET /api/audit answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { records: AuditRecord[] }).records;
}

/** The intent record a result completes. */
export async function intentOf(result: AuditRecord): Promise<AuditRecord | undefined> {
  const records = await auditRecords({ intents: "true", target: result.target.spiffeId ?? result.target.id ?? "" });
  return records.find((r) => r.id === result.intentId);
}
