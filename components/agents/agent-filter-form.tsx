"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { links } from "@/lib/links";

/** Agent filters (part of the ID, attestation type, banned, can re-attest, expires before), written to the URL. */
export function AgentFilterForm({ server }: { server: string }) {
  const router = useRouter();
  const params = useSearchParams();
  const [idPart, setIdPart] = useState(params.get("spiffeIdContains") ?? "");
  const [type, setType] = useState(params.get("attestationType") ?? "");
  const [banned, setBanned] = useState(params.get("banned") ?? "");
  const [canReattest, setCanReattest] = useState(params.get("canReattest") ?? "");
  const [expiresBefore, setExpiresBefore] = useState((params.get("expiresBefore") ?? "").slice(0, 16));

  function apply(event: FormEvent) {
    event.preventDefault();
    router.push(
      links.agents(server, {
        spiffeIdContains: idPart.trim() || undefined,
        attestationType: type || undefined,
        banned: banned || undefined,
        canReattest: canReattest || undefined,
        expiresBefore: expiresBefore ? new Date(`${expiresBefore}:00Z`).toISOString() : undefined,
      }),
    );
  }

  const tri = (id: string, label: string, value: string, set: (v: string) => void) => (
    <Field id={id} label={label} size="sm">
      <Select size="sm" value={value} onChange={(e) => set(e.target.value)}>
        <option value="">any</option>
        <option value="true">yes</option>
        <option value="false">no</option>
      </Select>
    </Field>
  );

  return (
    <form
      onSubmit={apply}
      aria-label="Agent filters"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6"
    >
      <Field id="a-id" label="SPIFFE ID contains" size="sm" className="sm:col-span-2 lg:col-span-1">
        <Input
          size="sm"
          type="search"
          value={idPart}
          onChange={(e) => setIdPart(e.target.value)}
          placeholder="8afa, or demo-node"
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Field id="a-type" label="Attestation type" size="sm">
        <Input size="sm" list="a-types" value={type} onChange={(e) => setType(e.target.value)} placeholder="x509pop" />
        <datalist id="a-types">
          <option value="x509pop" />
          <option value="join_token" />
          <option value="k8s_psat" />
          <option value="aws_iid" />
        </datalist>
      </Field>
      {tri("a-banned", "Banned", banned, setBanned)}
      {tri("a-reattest", "Can re-attest", canReattest, setCanReattest)}
      <Field id="a-expires" label="SVID expires before (UTC)" size="sm">
        <Input
          size="sm"
          type="datetime-local"
          value={expiresBefore}
          onChange={(e) => setExpiresBefore(e.target.value)}
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
