import type { ReactNode } from "react";

export const inputClass =
  "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm aria-[invalid=true]:border-red-500 disabled:bg-slate-100";

/** A labelled form field with its hint and its error right below (linked with aria-describedby). */
export function Field(props: { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={props.id} className="mb-1 block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      {props.children}
      {props.hint ? <p className="mt-1 text-xs text-slate-500">{props.hint}</p> : null}
      {props.error ? (
        <p id={`${props.id}-error`} role="alert" className="mt-1 text-xs text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** Props that tie an input to its Field's error. */
export function errorProps(id: string, error?: string) {
  return { id, "aria-invalid": Boolean(error), "aria-describedby": error ? `${id}-error` : undefined };
}

/** A checkbox with its label and a one-line explanation. */
export function Toggle(props: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <label htmlFor={props.id} className="flex items-start gap-2 text-sm">
      <input
        id={props.id}
        type="checkbox"
        className="mt-1"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>
        <span className="font-medium text-slate-700">{props.label}</span>
        <span className="block text-xs text-slate-500">{props.hint}</span>
      </span>
    </label>
  );
}
