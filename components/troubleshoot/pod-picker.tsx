"use client";

import Link from "next/link";
import { useMemo, useState } from "react";

import { Field, Input } from "@/components/ui/input";
import { links } from "@/lib/links";
import type { PodChoice } from "@/lib/troubleshoot/list-pod-choices";

/** A searchable list of the cluster's pods; choosing one opens its diagnosis. */
export function PodPicker({ pods, server, selected }: { pods: PodChoice[]; server: string; selected: string | null }) {
  const clusters = new Set(pods.map((p) => p.cluster)).size;
  const [query, setQuery] = useState("");
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (
      q
        ? pods.filter((p) =>
            `${p.cluster}/${p.namespace}/${p.name} ${p.node ?? ""} ${p.serviceAccount}`.toLowerCase().includes(q),
          )
        : pods
    ).slice(0, 200);
  }, [pods, query]);
  return (
    <div className="space-y-2">
      <Field id="pod-search" label="Pod">
        <Input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search namespace/name, node or service account"
        />
      </Field>
      <ul className="max-h-64 overflow-auto rounded-md border border-slate-200 text-sm" aria-label="Pods">
        {shown.map((p) => {
          const key = `${p.namespace}/${p.name}`;
          const current =
            key === selected?.split("@")[0] && (!selected.includes("@") || selected.endsWith(`@${p.cluster}`));
          return (
            <li key={`${p.cluster}/${key}`} className={current ? "bg-sky-50" : undefined} data-cluster={p.cluster}>
              <Link
                href={links.troubleshootPod(p.spireServer ?? server, p.namespace, p.name, undefined, p.cluster)}
                className="flex justify-between gap-2 px-3 py-1.5 hover:bg-slate-50"
                aria-current={current ? "true" : undefined}
              >
                <span className="font-mono text-xs">{key}</span>
                <span className="text-xs text-slate-600">
                  {clusters > 1 ? `${p.cluster} · ` : ""}
                  {p.node ?? "unscheduled"} · {p.phase}
                </span>
              </Link>
            </li>
          );
        })}
        {shown.length === 0 ? <li className="px-3 py-2 text-slate-600">No pod matches.</li> : null}
      </ul>
    </div>
  );
}
