import { cva, type VariantProps } from "class-variance-authority";
import type { ButtonHTMLAttributes } from "react";

import { cn } from "@/lib/format/cn";

const buttonVariants = cva(
  [
    "inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600",
    "disabled:pointer-events-none disabled:opacity-50",
  ].join(" "),
  {
    variants: {
      variant: {
        primary: "bg-sky-700 text-white hover:bg-sky-800",
        secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
        destructive: "bg-red-700 text-white hover:bg-red-800",
        /** Disruptive but recoverable (e.g. evicting an agent that can attest again). */
        caution: "border border-amber-600 bg-white text-amber-900 hover:bg-amber-50",
        ghost: "text-slate-700 hover:bg-slate-100",
      },
      size: { sm: "h-8 px-3", md: "h-9 px-4", icon: "h-8 w-8" },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);

/** A link that looks like a small secondary button (e.g. "New entry", "Edit"). */
export const secondaryLinkClass = [
  "inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3",
  "text-sm font-medium text-slate-800 hover:bg-slate-100",
].join(" ");

/** A link that looks like a small primary button ("New entry"). */
export const primaryLinkClass =
  "inline-flex h-8 items-center rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800";

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & VariantProps<typeof buttonVariants>;

export function Button({ className, variant, size, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={cn(buttonVariants({ variant, size }), className)} {...props} />;
}
