"use client";

import { useQuery } from "@tanstack/react-query";

import { fetchFederatedBundles } from "@/lib/query/api";
import { entryKeys } from "@/lib/query/keys";

/** The trust domains this server holds a federated bundle for: the only ones an entry may federate with. */
export function useFederationOptions(server: string) {
  return useQuery({
    queryKey: entryKeys.federationOptions(server),
    queryFn: () => fetchFederatedBundles(server),
    select: (data) => data.bundles.map((b) => b.trustDomain).sort(),
  });
}

type Props = {
  options: string[] | undefined;
  loading: boolean;
  value: string[];
  error?: string;
  onChange: (v: string[]) => void;
};

/** Checkboxes for the bundles the server holds; a domain already on the entry without a bundle is shown as refused. */
export function FederatesWithPicker({ options, loading, value, error, onChange }: Props) {
  const all = [...new Set([...(options ?? []), ...value])];
  return (
    <fieldset aria-describedby={error ? "entry-federates-error" : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">Federates with</legend>
      {loading ? <p className="text-xs text-slate-500">Loading federated bundles…</p> : null}
      {!loading && all.length === 0 ? (
        <p className="text-xs text-slate-500">
          This server holds no federated bundles, so entries cannot federate yet.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {all.map((td) => {
          const known = options?.includes(td) ?? true;
          return (
            <label key={td} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                checked={value.includes(td)}
                onChange={(e) => onChange(e.target.checked ? [...value, td] : value.filter((v) => v !== td))}
              />
              <span className="font-mono">{td}</span>
              {!known ? <span className="text-xs text-red-700">(no bundle: SPIRE would refuse)</span> : null}
            </label>
          );
        })}
      </div>
      <p className="mt-1 text-xs text-slate-500">
        Only trust domains whose bundle this server holds can be chosen; SPIRE rejects any other.
      </p>
      {error ? (
        <p id="entry-federates-error" role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
