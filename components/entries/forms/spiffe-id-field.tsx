"use client";

import { errorProps, Field } from "./field";

/** The SPIFFE ID: the server's trust domain fixed, the path typed and checked as you type. */
export function SpiffeIdField(props: {
  trustDomain: string;
  path: string;
  error?: string;
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
        <input
          {...errorProps("entry-spiffe-id", props.error)}
          value={props.path}
          onChange={(e) => props.onChange(e.target.value)}
          placeholder="/ns/payments/sa/api"
          autoComplete="off"
          className="h-9 w-full rounded-r-md border border-slate-300 px-2 font-mono text-sm aria-[invalid=true]:border-red-500"
        />
      </div>
    </Field>
  );
}
