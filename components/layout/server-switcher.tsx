"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { Select } from "@/components/ui/input";

/** Chooses which configured SPIRE server the current page shows (kept in `?server=`). */
export function ServerSwitcher({ servers }: { servers: { name: string; trustDomain: string | null }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const current = searchParams.get("server") ?? servers[0]?.name ?? "";

  function select(name: string) {
    const params = new URLSearchParams(searchParams);
    params.set("server", name);
    router.push(`${pathname}?${params.toString()}`);
  }

  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      <span>Server</span>
      <Select
        size="sm"
        aria-label="SPIRE server"
        value={current}
        onChange={(event) => select(event.target.value)}
        className="w-auto"
      >
        {servers.map((server) => (
          <option key={server.name} value={server.name}>
            {server.name}
            {server.trustDomain ? ` (${server.trustDomain})` : ""}
          </option>
        ))}
      </Select>
    </label>
  );
}
