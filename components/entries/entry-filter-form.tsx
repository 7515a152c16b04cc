"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { links } from "@/lib/links";
import { parseSelector } from "@/lib/schemas/selector";
import { parseSpiffeId } from "@/lib/schemas/spiffe-id";

function idProblem(value: string): string | null {
  if (!value) return null;
  const parsed = parseSpiffeId(value);
  return "error" in parsed ? parsed.error : null;
}

/** A value starting with spiffe:// is a whole ID (matched exactly, as SPIRE does); other text is a part of one. */
const isWholeId = (value: string) => value.trim().toLowerCase().startsWith("spiffe://");

const split = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * Filters of the entry list, written to the URL so a filtered view can be shared: on the
 * entries page (keeping its `view`) or on the import page's bulk list.
 */
export function EntryFilterForm({ server, page }: { server: string; page: "entries" | "import" }) {
  const router = useRouter();
  const params = useSearchParams();
  const [spiffeId, setSpiffeId] = useState(params.get("spiffeId") ?? params.get("spiffeIdContains") ?? "");
  const [parentId, setParentId] = useState(params.get("parentId") ?? "");
  const [selectors, setSelectors] = useState(params.getAll("selector").join(" "));
  const [match, setMatch] = useState(params.get("match") ?? "superset");
  const [federatesWith, setFederatesWith] = useState(params.getAll("federatesWith").join(" "));
  const [hint, setHint] = useState(params.get("hint") ?? "");

  const selectorList = split(selectors);
  const selectorProblem = selectorList.map((s) => parseSelector(s)).find((r) => "error" in r);
  const problems = {
    spiffeId: isWholeId(spiffeId) ? idProblem(spiffeId.trim()) : null,
    parentId: idProblem(parentId),
    selectors: selectorProblem && "error" in selectorProblem ? selectorProblem.error : null,
  };
  const invalid = Object.values(problems).some(Boolean);

  const open = (query: Record<string, string | string[] | undefined>) => {
    const view = params.get("view") ?? undefined;
    router.push(page === "entries" ? links.entries(server, { view, ...query }) : links.importEntries(server, query));
  };

  function apply(event: FormEvent) {
    event.preventDefault();
    if (invalid) return;
    open({
      spiffeId: isWholeId(spiffeId) ? spiffeId.trim() : undefined,
      spiffeIdContains: spiffeId.trim() && !isWholeId(spiffeId) ? spiffeId.trim() : undefined,
      parentId: parentId || undefined,
      selector: selectorList,
      match: selectorList.length ? match : undefined,
      federatesWith: split(federatesWith),
      hint: hint || undefined,
    });
  }

  const field = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    problem: string | null,
    placeholder: string,
    hint?: string,
  ) => (
    <Field id={id} label={label} error={problem} size="sm" hint={hint}>
      <Input size="sm" value={value} onChange={(e) => set(e.target.value)} placeholder={placeholder} />
    </Field>
  );

  return (
    <form
      onSubmit={apply}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3"
      aria-label="Entry filters"
    >
      {field(
        "f-spiffe-id",
        "SPIFFE ID",
        spiffeId,
        setSpiffeId,
        problems.spiffeId,
        "billing, or spiffe://example.org/workload",
        "Part of an ID finds every ID containing it; a whole spiffe:// ID matches exactly.",
      )}
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
      <Field id="f-match" label="Selector match" size="sm">
        <Select size="sm" value={match} onChange={(e) => setMatch(e.target.value)}>
          <option value="exact">exact</option>
          <option value="subset">subset</option>
          <option value="superset">superset</option>
          <option value="any">any</option>
        </Select>
      </Field>
      {field("f-federates", "Federates with", federatesWith, setFederatesWith, null, "bar.example.com")}
      {field("f-hint", "Hint", hint, setHint, null, "")}
      <div className="flex gap-2 md:col-span-3">
        <Button type="submit" size="sm" disabled={invalid}>
          Apply filters
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => open({})}>
          Clear
        </Button>
      </div>
    </form>
  );
}
