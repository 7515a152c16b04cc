import { type ReactNode, Suspense } from "react";

import { AccessProvider } from "@/components/auth/access-provider";
import { SessionEndedDialog } from "@/components/auth/session-ended-dialog";
import { ConfigHelp } from "@/components/layout/config-help";
import { ServerSwitcher } from "@/components/layout/server-switcher";
import { SidebarNav } from "@/components/layout/sidebar-nav";
import { UserMenu } from "@/components/layout/user-menu";
import { buildAccessMap } from "@/lib/auth/access-map";
import { can } from "@/lib/auth/can";
import { requirePage } from "@/lib/auth/guard";
import { loadConfig } from "@/lib/config/load-config";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const principal = await requirePage();
  const config = loadConfig();
  const servers =
    config.status === "ok"
      ? config.config.servers.map((s) => ({ name: s.name, trustDomain: s.trustDomain ?? null }))
      : [];
  const isAdmin = can(principal, "tokens.manage").allowed;
  const access = buildAccessMap(
    principal,
    servers.map((s) => s.name),
  );
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-52 shrink-0 flex-col gap-6 bg-slate-900 px-3 py-4">
        <div className="px-3 text-base font-semibold tracking-tight text-white">SPIRE Console</div>
        <Suspense>
          <SidebarNav admin={isAdmin} />
        </Suspense>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 items-center justify-end gap-6 border-b border-slate-200 bg-white px-6">
          {servers.length > 0 ? (
            <Suspense>
              <ServerSwitcher servers={servers} />
            </Suspense>
          ) : null}
          <UserMenu principal={principal} />
        </header>
        <main className="flex-1 px-6 py-6">
          {config.status === "ok" ? (
            <AccessProvider access={access}>
              {children}
              <SessionEndedDialog />
            </AccessProvider>
          ) : (
            <ConfigHelp config={config} showDetails={isAdmin} />
          )}
        </main>
      </div>
    </div>
  );
}
