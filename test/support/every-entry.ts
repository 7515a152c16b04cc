import type { Entry } from "../../lib/spire/types";
import type { WorkloadEntries } from "../../lib/troubleshoot/workload-entries";

/**
 * Workload entries that hand every entry to every question, as the troubleshooter read them before it
 * read the index in place: the reference the index's answers are compared with.
 */
export function everyEntry(entries: readonly Entry[]): WorkloadEntries {
  return { aliases: entries, near: () => entries };
}
