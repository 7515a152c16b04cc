import { Button } from "./button";

/**
 * "Showing N" plus a button that fetches the next SPIRE page. SPIRE hands out a page token
 * even after the last full page, so a token only means there *may* be more.
 */
export function PagedFooter(props: { shown: number; hasMore: boolean; loading: boolean; onMore: () => void }) {
  return (
    <div className="flex items-center justify-between px-4 py-3 text-sm text-slate-600">
      <span>Showing {props.shown}</span>
      {props.hasMore ? (
        <Button variant="secondary" size="sm" onClick={props.onMore} disabled={props.loading}>
          {props.loading ? "Loading…" : "Load more from SPIRE"}
        </Button>
      ) : null}
    </div>
  );
}
