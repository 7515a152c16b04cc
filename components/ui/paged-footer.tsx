import { Button } from "./button";

/** "Showing N" plus a button that fetches the next SPIRE page while there is one. */
export function PagedFooter(props: { shown: number; hasMore: boolean; loading: boolean; onMore: () => void }) {
  return (
    <div className="flex items-center justify-between px-4 py-3 text-sm text-slate-600">
      <span>
        Showing {props.shown}
        {props.hasMore ? " (more on the server)" : ""}
      </span>
      {props.hasMore ? (
        <Button variant="secondary" size="sm" onClick={props.onMore} disabled={props.loading}>
          {props.loading ? "Loading…" : "Load more"}
        </Button>
      ) : null}
    </div>
  );
}
