"use client";

import { CheckboxField } from "@/components/ui/input";
import type { EntryFormValues, FieldErrors } from "@/lib/entries/form-values";

import type { FlagLimits } from "./use-entry-access";

type FlagKey = "admin" | "downstream" | "storeSvid" | "disableX509SvidPrefetch" | "jwtSvidIncludeJti";
type Flag = { key: FlagKey; id: string; label: string; hint: string };

const ENTRY_FLAGS: readonly Flag[] = [
  { key: "admin", id: "entry-admin", label: "Admin", hint: "May call the server's admin APIs." },
  { key: "downstream", id: "entry-downstream", label: "Downstream", hint: "A nested SPIRE server (gets a CA)." },
  { key: "storeSvid", id: "entry-store-svid", label: "Store SVID", hint: "Stored by an SVIDStore plugin." },
];

const ADDITIONAL_ATTRIBUTES: readonly Flag[] = [
  {
    key: "disableX509SvidPrefetch",
    id: "entry-disable-prefetch",
    label: "Disable X509-SVID prefetch",
    hint: "Agents mint this entry's X509-SVID on request instead of caching it ahead.",
  },
  {
    key: "jwtSvidIncludeJti",
    id: "entry-jwt-jti",
    label: "JWT-SVIDs include jti",
    hint: "Each JWT-SVID gets a unique jti claim and skips the agent's JWT cache.",
  },
];

function FieldAlert({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="text-xs text-red-700">
      {message}
    </p>
  ) : null;
}

/** The entry form's switches: admin, downstream, store SVID and SPIRE 1.15's additional attributes. */
export function EntryFlagFields({
  values,
  errors,
  limits,
  set,
}: {
  values: EntryFormValues;
  errors: FieldErrors;
  /** Flags the user's roles cannot set, with the reason (shown instead of the hint, the box disabled). */
  limits?: FlagLimits;
  set: <K extends keyof EntryFormValues>(key: K, value: EntryFormValues[K]) => void;
}) {
  const checkbox = (flag: Flag) => {
    const limit = flag.key === "admin" || flag.key === "downstream" ? limits?.[flag.key] : null;
    // Disabled only while off: a box that is on can always be turned off.
    const locked = Boolean(limit) && !values[flag.key];
    return (
      <CheckboxField
        key={flag.key}
        id={flag.id}
        label={flag.label}
        hint={limit ? `${flag.hint} Not for you: ${limit}.` : flag.hint}
        checked={values[flag.key]}
        disabled={locked}
        onChange={(v) => set(flag.key, v)}
      />
    );
  };
  return (
    <>
      <div className="grid gap-3 md:grid-cols-3">{ENTRY_FLAGS.map(checkbox)}</div>
      <FieldAlert message={errors.storeSvid} />
      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Additional attributes (SPIRE 1.15)</legend>
        {ADDITIONAL_ATTRIBUTES.map(checkbox)}
      </fieldset>
      <FieldAlert message={errors.additionalAttributes} />
    </>
  );
}
