import type { FormEvent, ReactNode } from "react";

import { cn } from "@/lib/format/cn";

import type { ChangeError } from "./use-alert-change";

/** A change's error, below a form or table (role="alert"). */
export function ChangeErrorLine({ error, className }: { error: ChangeError | null; className?: string }) {
  if (!error) return null;
  return (
    <p role="alert" className={cn("text-sm text-red-700", className)}>
      {error.message}
    </p>
  );
}

/** One of the Alerts page's forms: a titled two-column card, named by its title for screen readers. */
export function AlertForm(props: {
  id: string;
  title: string;
  error: ChangeError | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={props.onSubmit}
      aria-labelledby={`${props.id}-title`}
      className="grid max-w-3xl gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
    >
      <h3 id={`${props.id}-title`} className="text-base font-semibold sm:col-span-2">
        {props.title}
      </h3>
      {props.children}
      <ChangeErrorLine error={props.error} className="sm:col-span-2" />
    </form>
  );
}
