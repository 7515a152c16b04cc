"use client";

import { useSearchParams } from "next/navigation";
import { createContext, type ReactNode, useContext, useState } from "react";

import { chooseServer, SERVER_COOKIE } from "@/lib/servers/server-choice";

export type ServerOption = { name: string; trustDomain: string | null };

type Scope = { servers: ServerOption[]; remembered: string | undefined; remember: (name: string) => void };

const ScopeContext = createContext<Scope>({ servers: [], remembered: undefined, remember: () => undefined });

/**
 * The configured servers and the one last chosen in the switcher (kept in a cookie for a year,
 * so the next visit, and the server's first render, start there).
 */
export function ServerScopeProvider(props: { servers: ServerOption[]; remembered?: string; children: ReactNode }) {
  const [remembered, setRemembered] = useState(props.remembered);
  const remember = (name: string) => {
    document.cookie = `${SERVER_COOKIE}=${encodeURIComponent(name)}; path=/; max-age=31536000; samesite=lax`;
    setRemembered(name);
  };
  return (
    <ScopeContext.Provider value={{ servers: props.servers, remembered, remember }}>
      {props.children}
    </ScopeContext.Provider>
  );
}

/**
 * The server the current page shows, as the page itself decides it (`?server=`, else the
 * remembered one, else the first); `unknown` is a `?server=` naming no configured server.
 */
export function useServerScope(): Scope & { current: string; unknown: string | null } {
  const scope = useContext(ScopeContext);
  const requested = useSearchParams().get("server");
  const choice = chooseServer(
    scope.servers.map((s) => s.name),
    requested,
    scope.remembered,
  );
  return choice.ok
    ? { ...scope, current: choice.name, unknown: null }
    : { ...scope, current: scope.servers[0]?.name ?? "", unknown: choice.requested };
}
