import "server-only";

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
import { permittedServers } from "@/lib/auth/describe-scope";
import type { Principal } from "@/lib/auth/principal";
import { loadConfig } from "@/lib/config/load-config";
import { rememberedServer } from "@/lib/servers/resolve-server";
import { readThemeChoice } from "@/lib/theme/read-theme";

/**
 * The console around a page for a signed-in principal: navigation, the server switcher (only the servers the
 * principal's bindings cover), search, theme, the user menu, and the permissions handed to the controls. The
 * console layout draws every page in it, and the 403 page too, so a forbidden page keeps the way back.
 */
export async function ConsoleChrome({ principal, children }: { principal: Principal; children: ReactNode }) {
  const config = loadConfig();
  const configured =
    config.status === "ok"
      ? config.config.servers.map((s) => ({ name: s.name, trustDomain: s.trustDomain ?? null }))
      : [];
  const servers = permittedServers(principal, configured);
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
      <AccessProvider access={access} principal={principal}>
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
