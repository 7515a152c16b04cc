import { cva, type VariantProps } from "class-variance-authority";
import type { HTMLAttributes } from "react";

import { cn } from "@/lib/format/cn";

import { CopyButton } from "./copy-button";

const codeBlockVariants = cva(
  "overflow-auto rounded-md p-3 font-mono text-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600",
  {
    variants: {
      tone: { dark: "bg-ink-900 text-ink-100 ring-1 ring-slate-700", light: "bg-slate-100 text-slate-800" },
      /** Long lines wrap (a command stays readable in a narrow card) instead of scrolling sideways. */
      wrap: { true: "break-all whitespace-pre-wrap", false: "" },
    },
    defaultVariants: { tone: "dark", wrap: false },
  },
);

export type CodeBlockProps = HTMLAttributes<HTMLPreElement> &
  VariantProps<typeof codeBlockVariants> & {
    /** Adds a copy button for this text (the JSON, command or config shown). */
    copyText?: string;
    /** What the copy button says it copies, e.g. "command". */
    copyLabel?: string;
  };

/** Preformatted text (JSON, a command, a config file) that scrolls, so it takes keyboard focus to be scrolled. */
export function CodeBlock({ className, tone, wrap, copyText, copyLabel = "text", ...props }: CodeBlockProps) {
  const block = <pre tabIndex={0} className={cn(codeBlockVariants({ tone, wrap }), className)} {...props} />;
  if (copyText === undefined) return block;
  return (
    <div className="relative">
      {block}
      <CopyButton
        value={copyText}
        label={copyLabel}
        className={cn(
          "absolute top-1.5 right-1.5",
          tone === "light" ? "bg-slate-100" : "bg-ink-800 text-ink-100 hover:bg-ink-700 hover:text-ink-50",
        )}
      />
    </div>
  );
}
