import { StatePanel } from "@/components/ui/state-panel";
import { describeIndexProgress, type IndexProgress } from "@/lib/entries/index-progress";

/** What a view that needs the entry index shows while its first walk runs; the view retries by itself. */
export function IndexProgressPanel({ progress }: { progress: IndexProgress }) {
  const { title, detail, percent } = describeIndexProgress(progress);
  return (
    <StatePanel tone="loading" title={title}>
      <p data-testid="index-progress">{detail}</p>
      {percent !== null ? (
        <progress className="mt-2 h-2 w-full" max={100} value={percent} aria-label={`Entry index ${percent}% built`} />
      ) : null}
      <p className="mt-1 text-xs">This view fills in by itself once the index is built.</p>
    </StatePanel>
  );
}
