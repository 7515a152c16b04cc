"use client";

import { errorProps, Field, inputClass } from "./field";
import { type TtlUnit, type TtlValue, ttlUnits } from "@/lib/entries/form-values";

const unitLabels: Record<TtlUnit, string> = { s: "seconds", m: "minutes", h: "hours", d: "days" };

/** A TTL as amount + unit; empty means the server's default. */
export function TtlInput(props: {
  id: string;
  label: string;
  value: TtlValue;
  error?: string;
  onChange: (v: TtlValue) => void;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error} hint="Empty = the server's default.">
      <div className="flex gap-2">
        <input
          {...errorProps(props.id, props.error)}
          inputMode="numeric"
          value={props.value.amount}
          onChange={(e) => props.onChange({ ...props.value, amount: e.target.value })}
          placeholder="default"
          className={inputClass}
        />
        <select
          aria-label={`${props.label} unit`}
          value={props.value.unit}
          onChange={(e) => props.onChange({ ...props.value, unit: e.target.value as TtlUnit })}
          className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          {(Object.keys(ttlUnits) as TtlUnit[]).map((u) => (
            <option key={u} value={u}>
              {unitLabels[u]}
            </option>
          ))}
        </select>
      </div>
    </Field>
  );
}
