import type { Key, ReactNode } from "react";

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "./table";

/** One column: its title, the `data-label` that titles the cell in the stacked phone layout, and the cell. */
export type Column<Row> = {
  header: string;
  /** The cell's `data-label`; the header unless told otherwise. */
  label?: string;
  cell: (row: Row) => ReactNode;
  className?: string;
};

export type ColumnTableProps<Row> = {
  /** Names the table for screen readers. */
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  /** The `data-testid` of every row. */
  rowTestId: string;
  /** Shown instead of the table when there are no rows. */
  empty: string;
  /** A last "Actions" column (leave it out for readers who may not act). */
  actions?: Omit<Column<Row>, "header" | "label">;
  /** Shown below the table (a change's status or error line); not shown while there are no rows. */
  children?: ReactNode;
  /** The box around the table and what is below it, e.g. its vertical spacing. */
  className?: string;
};

/** A list as a column config: the table (stacked into cards on phones), or one line when it is empty. */
export function ColumnTable<Row>(props: ColumnTableProps<Row>) {
  const { caption, rows, rowKey, rowTestId, empty, actions, children, className } = props;
  if (rows.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  const columns = actions ? [...props.columns, { header: "Actions", ...actions }] : props.columns;
  return (
    <div className={className}>
      <Table caption={caption} stack>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHead key={c.header}>{c.header}</TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)} data-testid={rowTestId}>
              {columns.map((c) => (
                <TableCell key={c.header} data-label={c.label ?? c.header} className={c.className}>
                  {c.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {children}
    </div>
  );
}
