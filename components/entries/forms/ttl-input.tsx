"use client";

import { Field, Input, Select } from "@/components/ui/input";
import { type TtlUnit, ttlUnits, type TtlValue } from "@/lib/entries/form-values";

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
        <Input
          inputMode="numeric"
          value={props.value.amount}
          onChange={(e) => props.onChange({ ...props.value, amount: e.target.value })}
          placeholder="default"
        />
        <Select
          id={`${props.id}-unit`}
          aria-label={`${props.label} unit`}
          value={props.value.unit}
          onChange={(e) => props.onChange({ ...props.value, unit: e.target.value as TtlUnit })}
          className="w-auto"
        >
          {(Object.keys(ttlUnits) as TtlUnit[]).map((u) => (
            <option key={u} value={u}>
              {unitLabels[u]}
            </option>
          ))}
        </Select>
      </div>
    </Field>
  );
}
