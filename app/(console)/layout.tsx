import { type ReactNode, Suspense } from "react";

import { AccessProvider } from "@/components/auth/access-provider";
import { SessionEndedDialog } from "@/components/auth/session-ended-dialog";
import { ConfigHelp } from "@/components/layout/config-help";
import { ConsoleShell } from "@/components/layout/console-shell";
import { ServerScopeProvider } from "@/components/layout/server-scope";
import { ServerSwitcher } from "@/components/layout/server-switcher";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { UserMenu } from "@/components/layout/user-menu";
import { CommandPalette } from "@/components/search/command-palette";
import { Toaster } from "@/components/ui/toaster";
import { buildAccessMap } from "@/lib/auth/access-map";
import { can } from "@/lib/auth/can";
import { requirePage } from "@/lib/auth/guard";
import { loadConfig } from "@/lib/config/load-config";
import { rememberedServer } from "@/lib/servers/resolve-server";
import { readThemeChoice } from "@/lib/theme/read-theme";

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
  const header = (
    <>
      <div className="min-w-0 flex-1">{servers.length > 0 ? <CommandPalette admin={isAdmin} /> : null}</div>
      {servers.length > 0 ? (
        <Suspense>
          <ServerSwitcher />
        </Suspense>
      ) : null}
      <ThemeToggle initial={await readThemeChoice()} />
    </>
  );
  return (
    <ServerScopeProvider servers={servers} remembered={await rememberedServer()}>
      <AccessProvider access={access}>
        <Toaster>
          <ConsoleShell admin={isAdmin} header={header} navFooter={<UserMenu principal={principal} />}>
            {config.status === "ok" ? (
              <>
                {children}
                <SessionEndedDialog />
              </>
            ) : (
              <ConfigHelp config={config} showDetails={isAdmin} />
            )}
          </ConsoleShell>
        </Toaster>
      </AccessProvider>
    </ServerScopeProvider>
  );
}
