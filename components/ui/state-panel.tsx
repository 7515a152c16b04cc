import type { ReactNode } from "react";

import { cn } from "@/lib/format/cn";

type Tone = "loading" | "empty" | "error";

const toneClasses: Record<Tone, string> = {
  loading: "border-slate-200 bg-white text-slate-500",
  empty: "border-dashed border-slate-300 bg-white text-slate-600",
  error: "border-red-200 bg-red-50 text-red-900",
};

/** The one way a view says it is loading, has nothing to show, or failed (with the reason). */
export function StatePanel({ tone, title, children }: { tone: Tone; title: string; children?: ReactNode }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      aria-busy={tone === "loading" || undefined}
      className={cn("rounded-lg border px-4 py-6 text-sm", toneClasses[tone])}
    >
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1">{children}</div> : null}
    </div>
  );
}
