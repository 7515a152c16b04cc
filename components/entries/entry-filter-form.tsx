"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";

import { Button } from "@/components/ui/button";
import { parseSelector } from "@/lib/schemas/selector";
import { parseSpiffeId } from "@/lib/schemas/spiffe-id";

const fieldClass = "h-8 w-full rounded-md border border-slate-300 px-2 text-sm aria-[invalid=true]:border-red-500";

function idProblem(value: string): string | null {
  if (!value) return null;
  const parsed = parseSpiffeId(value);
  return "error" in parsed ? parsed.error : null;
}

/** Filters of the entry list, written to the URL so a filtered view can be shared. */
export function EntryFilterForm() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [spiffeId, setSpiffeId] = useState(params.get("spiffeId") ?? "");
  const [parentId, setParentId] = useState(params.get("parentId") ?? "");
  const [selectors, setSelectors] = useState(params.getAll("selector").join(" "));
  const [match, setMatch] = useState(params.get("match") ?? "superset");
  const [federatesWith, setFederatesWith] = useState(params.getAll("federatesWith").join(" "));
  const [hint, setHint] = useState(params.get("hint") ?? "");

  const selectorList = selectors.split(/\s+/).filter(Boolean);
  const selectorProblem = selectorList.map((s) => parseSelector(s)).find((r) => "error" in r);
  const problems = {
    spiffeId: idProblem(spiffeId),
    parentId: idProblem(parentId),
    selectors: selectorProblem && "error" in selectorProblem ? selectorProblem.error : null,
  };
  const invalid = Object.values(problems).some(Boolean);

  function apply(event: FormEvent) {
    event.preventDefault();
    if (invalid) return;
    const next = new URLSearchParams();
    for (const key of ["server", "view"]) {
      const value = params.get(key);
      if (value) next.set(key, value);
    }
    if (spiffeId) next.set("spiffeId", spiffeId);
    if (parentId) next.set("parentId", parentId);
    selectorList.forEach((s) => next.append("selector", s));
    if (selectorList.length) next.set("match", match);
    federatesWith
      .split(/\s+/)
      .filter(Boolean)
      .forEach((td) => next.append("federatesWith", td));
    if (hint) next.set("hint", hint);
    router.push(`${pathname}?${next.toString()}`);
  }

  const field = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    problem: string | null,
    placeholder: string,
  ) => (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <input
        id={id}
        value={value}
        onChange={(e) => set(e.target.value)}
        placeholder={placeholder}
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? `${id}-error` : undefined}
        className={fieldClass}
      />
      {problem ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {problem}
        </p>
      ) : null}
    </div>
  );

  return (
    <form
      onSubmit={apply}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3"
      aria-label="Entry filters"
    >
      {field("f-spiffe-id", "SPIFFE ID", spiffeId, setSpiffeId, problems.spiffeId, "spiffe://example.org/workload")}
      {field(
        "f-parent-id",
        "Parent ID",
        parentId,
        setParentId,
        problems.parentId,
        "spiffe://example.org/spire/agent/...",
      )}
      {field(
        "f-selectors",
        "Selectors (space-separated type:value)",
        selectors,
        setSelectors,
        problems.selectors,
        "k8s:ns:payments unix:uid:1000",
      )}
      <div>
        <label htmlFor="f-match" className="mb-1 block text-xs font-medium text-slate-600">
          Selector match
        </label>
        <select id="f-match" value={match} onChange={(e) => setMatch(e.target.value)} className={fieldClass}>
          <option value="exact">exact</option>
          <option value="subset">subset</option>
          <option value="superset">superset</option>
          <option value="any">any</option>
        </select>
      </div>
      {field("f-federates", "Federates with", federatesWith, setFederatesWith, null, "bar.example.com")}
      {field("f-hint", "Hint", hint, setHint, null, "")}
      <div className="flex gap-2 md:col-span-3">
        <Button type="submit" size="sm" disabled={invalid}>
          Apply filters
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() =>
            router.push(
              `${pathname}?${new URLSearchParams([...params].filter(([k]) => k === "server" || k === "view")).toString()}`,
            )
          }
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
