"use client";

import { Field, Input } from "@/components/ui/input";

/** The SPIFFE ID: the server's trust domain fixed, the path typed and checked as you type. */
export function SpiffeIdField(props: {
  trustDomain: string;
  path: string;
  error?: string;
  placeholder?: string;
  onChange: (path: string) => void;
}) {
  return (
    <Field
      id="entry-spiffe-id"
      label="SPIFFE ID"
      error={props.error}
      hint="Letters, digits, '.', '-' and '_' in '/'-separated segments; not under /spire/."
    >
      <div className="flex items-stretch">
        <span className="inline-flex items-center rounded-l-md border border-r-0 border-slate-300 bg-slate-50 px-2 font-mono text-xs text-slate-600">
          spiffe://{props.trustDomain}
        </span>
        <Input
          value={props.path}
          onChange={(e) => props.onChange(e.target.value)}
          placeholder={props.placeholder ?? "/ns/payments/sa/api"}
          autoComplete="off"
          className="rounded-l-none font-mono"
        />
      </div>
    </Field>
  );
}
