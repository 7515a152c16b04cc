import type { AuditCheckpoint, AuditRecord } from "@/lib/store/types";

// The JSON lines of the audit sink, and reading them back (audit:verify compares them with the
// database). No "server-only": audit:verify runs this in plain Node.

/** One audit record as one JSON line, with its place in the chain and its hash. */
export function recordLine(record: AuditRecord): string {
  return JSON.stringify({ type: "audit.record", ...record });
}

/** One signed checkpoint as one JSON line. */
export function checkpointLine(checkpoint: AuditCheckpoint): string {
  return JSON.stringify({ type: "audit.checkpoint", ...checkpoint });
}

/** A line of the copy as read back: a record's place and hash, or a checkpoint. */
export type CopyLine =
  | { type: "audit.record"; seq: number; id: string; hash: string; at: number }
  | ({ type: "audit.checkpoint" } & AuditCheckpoint);

/**
 * Reads one line of the copy: a bare JSON line (stdout, file) or an RFC 5424 syslog message
 * whose MSG is that JSON. Other lines (the rest of a log pipeline's output) are null.
 */
export function parseCopyLine(line: string): CopyLine | null {
  const start = line.indexOf('{"type":"audit.');
  if (start < 0) return null;
  try {
    const value = JSON.parse(line.slice(start)) as Record<string, unknown>;
    if (value.type === "audit.record" && typeof value.seq === "number" && typeof value.hash === "string") {
      return value as CopyLine;
    }
    if (value.type === "audit.checkpoint" && typeof value.signature === "string") return value as CopyLine;
  } catch {
    return null;
  }
  return null;
}
