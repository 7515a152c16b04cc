"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";

import { Button } from "@/components/ui/button";

const fieldClass = "h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";

/** Agent filters (attestation type, banned, can re-attest, expires before), written to the URL. */
export function AgentFilterForm() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [type, setType] = useState(params.get("attestationType") ?? "");
  const [banned, setBanned] = useState(params.get("banned") ?? "");
  const [canReattest, setCanReattest] = useState(params.get("canReattest") ?? "");
  const [expiresBefore, setExpiresBefore] = useState((params.get("expiresBefore") ?? "").slice(0, 16));

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    const server = params.get("server");
    if (server) next.set("server", server);
    if (type) next.set("attestationType", type);
    if (banned) next.set("banned", banned);
    if (canReattest) next.set("canReattest", canReattest);
    if (expiresBefore) next.set("expiresBefore", new Date(`${expiresBefore}:00Z`).toISOString());
    router.push(`${pathname}?${next.toString()}`);
  }

  const tri = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)} className={fieldClass}>
        <option value="">any</option>
        <option value="true">yes</option>
        <option value="false">no</option>
      </select>
    </div>
  );

  return (
    <form
      onSubmit={apply}
      aria-label="Agent filters"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5"
    >
      <div>
        <label htmlFor="a-type" className="mb-1 block text-xs font-medium text-slate-600">
          Attestation type
        </label>
        <input
          id="a-type"
          list="a-types"
          value={type}
          onChange={(e) => setType(e.target.value)}
          placeholder="x509pop"
          className={fieldClass}
        />
        <datalist id="a-types">
          <option value="x509pop" />
          <option value="join_token" />
          <option value="k8s_psat" />
          <option value="aws_iid" />
        </datalist>
      </div>
      {tri("a-banned", "Banned", banned, setBanned)}
      {tri("a-reattest", "Can re-attest", canReattest, setCanReattest)}
      <div>
        <label htmlFor="a-expires" className="mb-1 block text-xs font-medium text-slate-600">
          SVID expires before (UTC)
        </label>
        <input
          id="a-expires"
          type="datetime-local"
          value={expiresBefore}
          onChange={(e) => setExpiresBefore(e.target.value)}
          className={fieldClass}
        />
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit" size="sm">
          Apply filters
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() => router.push(params.get("server") ? `${pathname}?server=${params.get("server")}` : pathname)}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
