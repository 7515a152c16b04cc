import type { TreeLevel } from "@/lib/entries/load-tree-level";

/** Says that the tree comes from the index saved before the console restarted, while a walk replaces it. */
export function RestoredNotice({ restored }: { restored: NonNullable<TreeLevel["restored"]> }) {
  const about = restored.expected !== null ? ` of about ${restored.expected.toLocaleString("en-US")}` : "";
  return (
    <p
      role="status"
      data-testid="tree-restored"
      className="w-full rounded border border-amber-300 bg-amber-50 px-2 py-1 text-amber-900"
    >
      Showing the index saved before the console restarted; changes made outside the console since then are not in it
      yet. Walking SPIRE again: {restored.indexed.toLocaleString("en-US")}
      {about} entries so far. The tree updates by itself when the walk is done.
    </p>
  );
}
