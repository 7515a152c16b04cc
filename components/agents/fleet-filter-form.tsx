"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import type { FleetFilters, FleetSummary } from "@/lib/agents/fleet";
import { expiringWithin } from "@/lib/expiry/expiring-words";
import { links, type Query } from "@/lib/links";

const tri = (value: boolean | undefined) => (value === undefined ? "" : String(value));

/** The Agents page's filters, written to the URL (each one also reachable from the health panels). */
export function FleetFilterForm({
  server,
  filters,
  summary,
}: {
  server: string;
  filters: FleetFilters;
  summary: FleetSummary | null;
}) {
  const router = useRouter();
  const within = expiringWithin(summary?.windows ?? { criticalHours: 24, warningDays: 7 });
  const [values, setValues] = useState({
    version: filters.version ?? "",
    attestationType: filters.attestationType ?? "",
    expiring: filters.expiring ?? "",
    canReattest: tri(filters.canReattest),
    banned: tri(filters.banned),
    spiffeIdContains: filters.spiffeIdContains ?? "",
    cluster: filters.cluster ?? "",
  });
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [key]: event.target.value });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const query: Query = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ""));
    router.push(links.agents(server, query));
  };
  const choice = (id: string, label: string, key: keyof typeof values, options: [string, string][]) => (
    <Field id={id} label={label} size="sm">
      <Select size="sm" value={values[key]} onChange={set(key)}>
        <option value="">any</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <form
      onSubmit={apply}
      aria-label="Agent filters"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 md:grid-cols-8"
    >
      {choice(
        "f-version",
        "Version",
        "version",
        (summary?.versions ?? []).map((v) => [v.version, v.version || "unknown"]),
      )}
      {choice(
        "f-type",
        "Attestation type",
        "attestationType",
        (summary?.attestationTypes ?? []).map((t) => [t.type, t.type]),
      )}
      {choice(
        "f-cluster",
        "Cluster",
        "cluster",
        (summary?.clusters ?? []).map((c) => [c.cluster, c.cluster]),
      )}
      {choice("f-expiring", "SVID expiry", "expiring", [
        ["24h", within.critical],
        ["7d", within.warning],
        ["expired", "expired"],
      ])}
      {choice("f-reattest", "Can re-attest", "canReattest", [
        ["true", "yes"],
        ["false", "no"],
      ])}
      {choice("f-banned", "Banned", "banned", [
        ["true", "yes"],
        ["false", "no"],
      ])}
      <Field id="f-id" label="SPIFFE ID contains" size="sm">
        <Input
          size="sm"
          type="search"
          value={values.spiffeIdContains}
          onChange={set("spiffeIdContains")}
          placeholder="8afa, or demo-node"
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <div className="flex items-end gap-2">
        <Button type="submit" size="sm">
          Apply filters
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => router.push(links.agents(server))}>
          Clear
        </Button>
      </div>
    </form>
  );
}
