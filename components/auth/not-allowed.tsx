import type { AccessDecision } from "@/lib/auth/access-map";

/**
 * A control the user may not use: shown disabled but focusable (so keyboard and screen-reader
 * users reach it), with the reason beside it.
 */
export function NotAllowed({ label, access, id }: { label: string; access: AccessDecision; id: string }) {
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        aria-disabled="true"
        aria-describedby={id}
        className="inline-flex h-8 cursor-not-allowed items-center rounded-md border border-slate-200 bg-slate-100 px-3 text-sm font-medium text-slate-600"
      >
        {label}
      </button>
      <span id={id} className="max-w-xs text-xs text-slate-600">
        Not allowed: {access.reason}
      </span>
    </span>
  );
}
