import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { changedFields, entryToInput } from "@/lib/entries/form-values";
import type { EntryInput } from "@/lib/schemas/entry-input";
import type { Entry } from "@/lib/spire/types";

/** Shown instead of overwriting: the entry changed on the server since it was loaded. */
export function ConflictView(props: {
  mine: EntryInput;
  current: Entry;
  onDiscard: () => void;
  onKeepMine: () => void;
}) {
  const differs = Object.keys(changedFields(entryToInput(props.current), props.mine));
  return (
    <section
      role="alert"
      aria-labelledby="conflict-title"
      className="space-y-4 rounded-lg border border-amber-300 bg-amber-50 p-5"
    >
      <h2 id="conflict-title" className="text-base font-semibold text-amber-900">
        This entry changed since you opened it — nothing was saved
      </h2>
      <p className="text-sm text-amber-900">
        It is now at revision {props.current.revisionNumber}. Fields that differ:{" "}
        {differs.length ? differs.join(", ") : "none"}.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {[
          ["Your version", props.mine],
          ["Current on the server", entryToInput(props.current)],
        ].map(([title, data]) => (
          <div key={title as string}>
            <h3 className="mb-1 text-xs font-semibold uppercase text-slate-600">{title as string}</h3>
            <CodeBlock tone="light" className="max-h-96 bg-white ring-1 ring-amber-200">
              {JSON.stringify(data, null, 2)}
            </CodeBlock>
          </div>
        ))}
      </div>
      <div className="flex gap-3">
        <Button variant="secondary" onClick={props.onDiscard}>
          Load the current version
        </Button>
        <Button onClick={props.onKeepMine}>Keep my changes and review again</Button>
      </div>
    </section>
  );
}
