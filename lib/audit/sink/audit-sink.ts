import "server-only";

import type { AuditSinkConfig } from "@/lib/config/audit-schema";
import { loadConfig } from "@/lib/config/load-config";
import { recordAuditSinkFailure } from "@/lib/metrics/record";
import type { AuditCheckpoint, AuditRecord } from "@/lib/store/types";

import { checkpointLine, recordLine } from "./audit-line";
import { fileWriter, type LineWriter, stdoutWriter } from "./line-writer";
import { syslogMessage, syslogWriter } from "./syslog-writer";

/** The copy of the audit log outside the database: records and signed checkpoints, one JSON line each. */
export type AuditSink = {
  records(records: readonly AuditRecord[]): void;
  checkpoint(checkpoint: AuditCheckpoint): void;
  close(): Promise<void>;
};

/** Opens the configured sink (or none). Failures are logged and counted, never thrown at the caller. */
export function openAuditSink(config: AuditSinkConfig): AuditSink {
  const onFail = (lines: number, error: unknown) => {
    if (lines > 0) recordAuditSinkFailure(config.type, lines);
    console.error(`[audit] the ${config.type} audit sink failed: ${(error as Error).message}`);
  };
  const writer: LineWriter =
    config.type === "stdout"
      ? stdoutWriter()
      : config.type === "file"
        ? fileWriter(config.path, onFail)
        : syslogWriter(config.address, onFail);
  const send = (msgId: string, line: string) =>
    writer.write(config.type === "syslog" ? syslogMessage(config.appName, msgId, line) : line);
  return {
    records: (records) => records.forEach((record) => send("audit", recordLine(record))),
    checkpoint: (checkpoint) => send("audit-checkpoint", checkpointLine(checkpoint)),
    close: () => writer.close(),
  };
}

const globalForSink = globalThis as typeof globalThis & { __spireAuditSink?: { key: string; sink: AuditSink | null } };

/** The sink of the current configuration (one per process, reopened when `audit.sink` changes), or null. */
export function currentAuditSink(): AuditSink | null {
  const state = loadConfig();
  const config = state.status === "ok" ? state.config.audit.sink : undefined;
  const key = JSON.stringify(config ?? null);
  const current = globalForSink.__spireAuditSink;
  if (current?.key === key) return current.sink;
  void current?.sink?.close();
  const sink = config ? openAuditSink(config) : null;
  globalForSink.__spireAuditSink = { key, sink };
  return sink;
}
