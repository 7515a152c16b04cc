import { cva, type VariantProps } from "class-variance-authority";
import type { HTMLAttributes, ReactNode, TableHTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";

import { cn } from "@/lib/format/cn";

// `relative`: visually hidden labels (absolutely positioned) stay inside the frame that clips them.
const frameVariants = cva("relative w-full", {
  variants: {
    variant: { card: "rounded-lg border border-slate-200 bg-white", bare: "" },
    overflow: {
      hidden: "overflow-hidden",
      x: "overflow-x-auto",
      // A bounded box that scrolls both ways; with stickyHeader the column titles stay in view.
      scroll: "max-h-[32rem] overflow-auto",
    },
  },
  defaultVariants: { variant: "card", overflow: "x" },
});

const tableVariants = cva("w-full text-left text-sm", {
  variants: {
    layout: { auto: "", fixed: "table-fixed" },
    stickyHeader: { true: "[&_thead]:sticky [&_thead]:top-0 [&_thead]:z-10", false: "" },
  },
  defaultVariants: { layout: "auto", stickyHeader: false },
});

export type TableProps = TableHTMLAttributes<HTMLTableElement> &
  VariantProps<typeof frameVariants> &
  VariantProps<typeof tableVariants> & {
    /** Names the table for screen readers (a visually hidden `<caption>`); or pass `aria-label`. */
    caption?: string;
    /** Shown inside the frame below the table, e.g. a PagedFooter. */
    footer?: ReactNode;
    /** Below 768 px, show each row as a card (cells stacked, titled by their `data-label`). */
    stack?: boolean;
    frameClassName?: string;
  };

/** A data table in its frame (border, background, scrolling). Compose with the parts below. */
export function Table(props: TableProps) {
  const {
    caption,
    footer,
    variant,
    overflow,
    layout,
    stickyHeader,
    stack,
    className,
    frameClassName,
    children,
    ...rest
  } = props;
  // A box that scrolls must be reachable by keyboard to be scrolled (WCAG 2.1.1).
  const scrollable = overflow === "scroll" ? { tabIndex: 0, role: "region", "aria-label": caption } : {};
  return (
    <div className={cn(frameVariants({ variant, overflow }), frameClassName)} {...scrollable}>
      <table className={cn(tableVariants({ layout, stickyHeader }), stack && "table-stack", className)} {...rest}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
      {footer}
    </div>
  );
}

const headerVariants = cva("text-xs uppercase text-slate-600", {
  variants: { tone: { muted: "bg-slate-50", plain: "" } },
  defaultVariants: { tone: "muted" },
});

export function TableHeader({
  className,
  tone,
  ...props
}: HTMLAttributes<HTMLTableSectionElement> & VariantProps<typeof headerVariants>) {
  return <thead className={cn(headerVariants({ tone }), className)} {...props} />;
}

export function TableBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn("divide-y divide-slate-100", className)} {...props} />;
}

export function TableRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("align-top", className)} {...props} />;
}

/** A column title; `scope="col"` unless told otherwise. */
export function TableHead({ className, scope = "col", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope={scope} className={cn("px-3 py-2", className)} {...props} />;
}

export function TableCell({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-3 py-2", className)} {...props} />;
}
