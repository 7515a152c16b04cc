import "server-only";

import { ApiError, type ErrorBody } from "@/lib/api/api-error";
import { audited } from "@/lib/audit/write-audit";
import type { ServerConfig } from "@/lib/config/schema";
import { type EntryInput, type EntryPatch, storeSvidProblem } from "@/lib/schemas/entry-input";
import { getEntry } from "@/lib/spire/entries";
import type { Entry } from "@/lib/spire/types";

import { authorizeEntryWrite } from "./entry-write-check";
import { sendEntryUpdate } from "./send-entry-changes";

/**
 * Updates only the given fields of entry `id`, after checking it is still at `revisionNumber`
 * (409 with the current entry otherwise) and passing it to `check`, which may throw to refuse.
 * Audited with the whole entry before and after. SPIRE has no compare-and-swap, so a tiny race
 * window remains between the check and the update.
 */
async function updateIfUnchanged(
  server: ServerConfig,
  id: string,
  revisionNumber: number,
  requested: Partial<EntryInput>,
  check?: (current: Entry) => void,
): Promise<Entry> {
  const current = await getEntry(server, id);
  const fields = withMergedAttributes(current, requested);
  await authorizeEntryWrite(server, { kind: "update", current, result: { ...current, ...fields } });
  if (current.revisionNumber !== revisionNumber) throw new StaleEntryError(current, revisionNumber);
  check?.(current);
  const change = {
    action: "entry.update",
    server,
    target: { type: "entry", id, spiffeId: current.spiffeId },
    before: current,
    after: { ...current, ...fields },
  };
  return audited(
    change,
    () => sendEntryUpdate(server, id, fields),
    (entry) => ({ after: entry }),
  );
}

/** SPIRE replaces AdditionalAttributes whole: flags the change leaves out keep their current value. */
function withMergedAttributes(current: Entry, fields: Partial<EntryInput>): Partial<EntryInput> {
  if (!fields.additionalAttributes) return fields;
  return { ...fields, additionalAttributes: { ...current.additionalAttributes, ...fields.additionalAttributes } };
}

/**
 * Applies a validated PATCH: the fields it names, if the entry is still at its `revisionNumber`,
 * and only if the result keeps SPIRE's storeSvid rule (checked against the current entry).
 */
export async function updateEntry(server: ServerConfig, id: string, patch: EntryPatch): Promise<Entry> {
  const { revisionNumber, ...fields } = patch;
  return updateIfUnchanged(server, id, revisionNumber, fields, (current) => {
    const problem = storeSvidProblem({ ...current, ...fields });
    if (problem) {
      throw new ApiError("invalid_argument", `Invalid entry change: ${problem}`, [
        { path: "storeSvid", message: problem },
      ]);
    }
  });
}

/** A 409 `conflict` whose body also carries the entry as it is now, so the UI can show both versions. */
export class StaleEntryError extends ApiError {
  readonly current: Entry;

  constructor(current: Entry, basedOn: number) {
    super(
      "conflict",
      `The entry changed since it was loaded (revision ${basedOn}, now ${current.revisionNumber}); nothing was saved.`,
    );
    this.current = current;
  }

  override toBody(): ErrorBody & { current: Entry } {
    return { ...super.toBody(), current: this.current };
  }
}
