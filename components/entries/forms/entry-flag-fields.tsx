"use client";

import { CheckboxField } from "@/components/ui/input";
import type { EntryFormValues, FieldErrors } from "@/lib/entries/form-values";

/** The entry form's switches: admin, downstream, store SVID and SPIRE 1.15's additional attributes. */
export function EntryFlagFields({
  values,
  errors,
  set,
}: {
  values: EntryFormValues;
  errors: FieldErrors;
  set: <K extends keyof EntryFormValues>(key: K, value: EntryFormValues[K]) => void;
}) {
  return (
    <>
      <div className="grid gap-3 md:grid-cols-3">
        <CheckboxField
          id="entry-admin"
          label="Admin"
          hint="May call the server's admin APIs."
          checked={values.admin}
          onChange={(v) => set("admin", v)}
        />
        <CheckboxField
          id="entry-downstream"
          label="Downstream"
          hint="A nested SPIRE server (gets a CA)."
          checked={values.downstream}
          onChange={(v) => set("downstream", v)}
        />
        <CheckboxField
          id="entry-store-svid"
          label="Store SVID"
          hint="Stored by an SVIDStore plugin."
          checked={values.storeSvid}
          onChange={(v) => set("storeSvid", v)}
        />
      </div>
      {errors.storeSvid ? (
        <p role="alert" className="text-xs text-red-700">
          {errors.storeSvid}
        </p>
      ) : null}
      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Additional attributes (SPIRE 1.15)</legend>
        <CheckboxField
          id="entry-disable-prefetch"
          label="Disable X509-SVID prefetch"
          hint="Agents mint this entry's X509-SVID on request instead of caching it ahead."
          checked={values.disableX509SvidPrefetch}
          onChange={(v) => set("disableX509SvidPrefetch", v)}
        />
        <CheckboxField
          id="entry-jwt-jti"
          label="JWT-SVIDs include jti"
          hint="Each JWT-SVID gets a unique jti claim and skips the agent's JWT cache."
          checked={values.jwtSvidIncludeJti}
          onChange={(v) => set("jwtSvidIncludeJti", v)}
        />
      </fieldset>
      {errors.additionalAttributes ? (
        <p role="alert" className="text-xs text-red-700">
          {errors.additionalAttributes}
        </p>
      ) : null}
    </>
  );
}
