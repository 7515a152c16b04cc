import "server-only";

import type { ReactElement } from "react";

import { UnknownServer } from "@/components/servers/unknown-server";
import { StatePanel } from "@/components/ui/state-panel";
import { requirePage } from "@/lib/auth/guard";
import type { Principal } from "@/lib/auth/principal";
import type { ServerConfig } from "@/lib/config/schema";
import { getServerConfig, pageServerChoice } from "@/lib/servers/resolve-server";

/** A page's search parameters, as Next passes them. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A per-server page's opening: the server it shows and who is looking, or what to render instead. */
export type ServerPage =
  { ok: true; server: string; config: ServerConfig; principal: Principal } | { ok: false; view: ReactElement };

/**
 * The opening every per-server page shares: the server it shows (`?server=`, else the remembered or
 * first configured one), the page's access check, and the principal (for page parts and hidden
 * controls). An unknown `?server=` (or no server at all) gives the state to render instead;
 * `hrefFor` builds the same page's link for a configured server.
 */
export async function openServerPage(
  searchParams: SearchParams,
  hrefFor: (server: string) => string,
): Promise<ServerPage> {
  const choice = await pageServerChoice(searchParams);
  const principal = await requirePage();
  if (!choice.ok) {
    return {
      ok: false,
      view: <UnknownServer requested={choice.requested} configured={choice.configured} hrefFor={hrefFor} />,
    };
  }
  if (!choice.name) {
    return {
      ok: false,
      view: (
        <StatePanel tone="error" title="No SPIRE server">
          No SPIRE server is configured.
        </StatePanel>
      ),
    };
  }
  return { ok: true, server: choice.name, config: getServerConfig(choice.name), principal };
}
