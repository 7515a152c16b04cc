"use client";

import { cva, type VariantProps } from "class-variance-authority";
import {
  createContext,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useContext,
} from "react";

import { cn } from "@/lib/format/cn";

const controlVariants = cva(
  "w-full rounded-md border border-slate-300 bg-white text-sm leading-normal text-slate-900 placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 disabled:bg-slate-100 disabled:text-slate-600 aria-[invalid=true]:border-red-600",
  { variants: { size: { sm: "h-8 px-2", md: "h-9 px-2", auto: "px-2 py-1.5" } }, defaultVariants: { size: "md" } },
);

type ControlSize = VariantProps<typeof controlVariants>["size"];

/** What a Field tells the control inside it: its id, whether it is invalid, and what describes it. */
type FieldControl = { id: string; invalid: boolean; describedBy: string | undefined };

const FieldContext = createContext<FieldControl | null>(null);

/**
 * The Field's wiring for a control that has no id of its own (a control given its own `id`,
 * such as a unit select beside the amount input, stays independent).
 */
function useFieldControl(
  ownId: string | undefined,
): Partial<{ id: string; "aria-invalid": boolean; "aria-describedby": string }> {
  const field = useContext(FieldContext);
  if (!field || ownId !== undefined) return {};
  return { id: field.id, "aria-invalid": field.invalid, "aria-describedby": field.describedBy };
}

export type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "size"> & { size?: ControlSize };

export function Input({ className, size, id, ...props }: InputProps) {
  const field = useFieldControl(id);
  return <input id={id} {...field} className={cn(controlVariants({ size }), className)} {...props} />;
}

export function Textarea({ className, id, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const field = useFieldControl(id);
  return <textarea id={id} {...field} className={cn(controlVariants({ size: "auto" }), className)} {...props} />;
}

export type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "size"> & { size?: ControlSize };

export function Select({ className, size, id, ...props }: SelectProps) {
  const field = useFieldControl(id);
  return <select id={id} {...field} className={cn(controlVariants({ size }), className)} {...props} />;
}

const labelVariants = cva("mb-1 block font-medium", {
  variants: { size: { sm: "text-xs text-slate-600", md: "text-sm text-slate-700" } },
  defaultVariants: { size: "md" },
});

export type FieldProps = {
  /** The id of the control inside; the hint and the error get `<id>-hint` and `<id>-error`. */
  id: string;
  label: string;
  hint?: ReactNode;
  /** Shown below the control (role="alert") and marks it aria-invalid. */
  error?: string | null;
  size?: "sm" | "md";
  className?: string;
  children: ReactNode;
};

/**
 * A labelled form field: the label, the control (Input, Select or Textarea inside take the
 * field's id, `aria-invalid` and `aria-describedby` pointing at the hint and the error), the
 * hint and the error text.
 */
export function Field({ id, label, hint, error, size, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("min-w-0", className)}>
      <label htmlFor={id} className={labelVariants({ size })}>
        {label}
      </label>
      <FieldContext.Provider value={{ id, invalid: Boolean(error), describedBy }}>{children}</FieldContext.Provider>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A checkbox with its label and a one-line explanation below the label. */
export function CheckboxField(props: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex items-start gap-2 text-sm">
      <input
        id={props.id}
        type="checkbox"
        className="mt-1 accent-sky-700"
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={`${props.id}-hint`}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={props.id} className="font-medium text-slate-700">
          {props.label}
        </label>
        <p id={`${props.id}-hint`} className="text-xs text-slate-600">
          {props.hint}
        </p>
      </div>
    </div>
  );
}
