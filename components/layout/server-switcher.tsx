"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { Select } from "@/components/ui/input";
import { matchPage } from "@/lib/auth/page-access";
import { switchServerHref } from "@/lib/servers/server-choice";

import { useServerScope } from "./server-scope";

/**
 * Which SPIRE server the page shows. Pages that show one server get the switcher (the choice is
 * remembered; from a detail page it goes to the new server's list); pages that span every
 * server say "All servers" instead of offering a switch that would change nothing.
 */
export function ServerSwitcher() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { servers, current, unknown, remember } = useServerScope();
  const perServer = matchPage(pathname)?.access.perServer ?? false;

  if (!perServer) {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-600" data-testid="server-scope">
        <span className="hidden sm:inline">Server</span>
        <span className="rounded-md border border-slate-200 bg-slate-50 px-2 py-1 font-medium text-slate-800">
          All servers
        </span>
      </p>
    );
  }

  function select(name: string) {
    remember(name);
    router.push(switchServerHref(pathname, searchParams, name));
  }

  return (
    <label className="flex min-w-0 items-center gap-2 text-sm text-slate-600">
      <span className="hidden sm:inline">Server</span>
      <Select
        size="sm"
        aria-label="SPIRE server"
        value={unknown ?? current}
        onChange={(event) => select(event.target.value)}
        className="w-auto max-w-[10rem] sm:max-w-none"
        data-testid="server-scope"
      >
        {unknown ? (
          <option value={unknown} disabled>
            {unknown} (unknown)
          </option>
        ) : null}
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
