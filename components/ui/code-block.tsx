import { cva, type VariantProps } from "class-variance-authority";
import type { HTMLAttributes } from "react";

import { cn } from "@/lib/format/cn";

const codeBlockVariants = cva(
  "overflow-auto rounded-md p-3 font-mono text-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600",
  {
    variants: { tone: { dark: "bg-slate-900 text-slate-100", light: "bg-slate-100 text-slate-800" } },
    defaultVariants: { tone: "dark" },
  },
);

export type CodeBlockProps = HTMLAttributes<HTMLPreElement> & VariantProps<typeof codeBlockVariants>;

/** Preformatted text (JSON, a command, a config file) that scrolls, so it takes keyboard focus to be scrolled. */
export function CodeBlock({ className, tone, ...props }: CodeBlockProps) {
  return <pre tabIndex={0} className={cn(codeBlockVariants({ tone }), className)} {...props} />;
}
