import { Button } from "@/components/ui/button";

/** A row's buttons: its own action, then Delete (named for the row, for screen readers); both off while busy. */
export function RowActions(props: {
  busy: boolean;
  action: string;
  onAction: () => void;
  /** The Delete button's accessible name, e.g. "Delete rule nightly". */
  deleteLabel: string;
  onDelete: () => void;
}) {
  return (
    <>
      <Button size="sm" variant="secondary" disabled={props.busy} onClick={props.onAction}>
        {props.action}
      </Button>
      <Button
        size="sm"
        variant="destructive"
        disabled={props.busy}
        aria-label={props.deleteLabel}
        onClick={props.onDelete}
      >
        Delete
      </Button>
    </>
  );
}
