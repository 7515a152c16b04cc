import Link from "next/link";

import { cn } from "@/lib/format/cn";
import { splitIdForTruncation } from "@/lib/format/split-id";

import { CopyButton } from "./copy-button";

/**
 * A SPIFFE ID (or another long ID) on one line, cut in the middle when it does not fit: the
 * start (scheme and trust domain) and the end (last segment) stay visible. The full value is
 * in the DOM for screen readers and search, shown on hover and when the link or copy button
 * has focus, and copied by the copy button.
 */
export function SpiffeId({
  value,
  href,
  copy = true,
  label = "SPIFFE ID",
  linkTabIndex,
  className,
}: {
  value: string;
  href?: string;
  copy?: boolean;
  /** What the copy button says it copies. */
  label?: string;
  /** -1 inside widgets that move focus themselves (the tree). */
  linkTabIndex?: number;
  className?: string;
}) {
  const { head, tail } = splitIdForTruncation(value);
  // The name comes from the one full copy for screen readers; the cut copy is only drawn.
  const text = (
    <>
      <span className="sr-only">{value}</span>
      <span aria-hidden="true" className="truncate">
        {head}
      </span>
      {tail ? (
        <span aria-hidden="true" className="shrink-0">
          {tail}
        </span>
      ) : null}
    </>
  );
  return (
    <span className={cn("group relative inline-flex max-w-full min-w-0 items-center gap-0.5 font-mono", className)}>
      {href ? (
        <Link href={href} title={value} tabIndex={linkTabIndex} className="flex min-w-0 text-sky-800 hover:underline">
          {text}
        </Link>
      ) : (
        <span title={value} className="flex min-w-0">
          {text}
        </span>
      )}
      {copy ? <CopyButton value={value} label={label} /> : null}
      {/* The full value for keyboard users, drawn from an attribute so it is not a second copy of the text. */}
      <span
        aria-hidden="true"
        data-full={value}
        className="pointer-events-none absolute top-full hidden left-0 z-30 mt-1 w-max max-w-[min(36rem,90vw)] rounded-md bg-ink-900 px-2 py-1 text-xs break-all text-ink-50 shadow-lg group-focus-within:block after:content-[attr(data-full)]"
      />
    </span>
  );
}
