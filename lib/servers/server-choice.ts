import { links } from "@/lib/links";

/** The cookie that remembers the server last chosen in the switcher (read on the server: no flash). */
export const SERVER_COOKIE = "spire-console-server";

/** Which server a per-server page shows, and why; or the unknown name that was asked for. */
export type ServerChoice =
  | { ok: true; name: string; from: "url" | "remembered" | "default" }
  | { ok: false; requested: string; configured: string[] };

/**
 * Decides the server a page shows: `?server=` when given (an unknown name is an error, never a
 * silent fallback), else the remembered choice while it is still configured, else the first
 * configured server ("" when none is).
 */
export function chooseServer(
  configured: readonly string[],
  requested: string | null | undefined,
  remembered: string | null | undefined,
): ServerChoice {
  if (requested) {
    return configured.includes(requested)
      ? { ok: true, name: requested, from: "url" }
      : { ok: false, requested, configured: [...configured] };
  }
  if (remembered && configured.includes(remembered)) return { ok: true, name: remembered, from: "remembered" };
  return { ok: true, name: configured[0] ?? "", from: "default" };
}

/**
 * Where the server switcher goes from `pathname`: a detail page (one entry or agent, which
 * belongs to the old server) goes to the new server's list; forms start empty; the entry list
 * keeps its view (tree or table) but not filters naming the old server's IDs.
 */
export function switchServerHref(pathname: string, search: URLSearchParams, server: string): string {
  const segments = pathname.split("/").filter(Boolean);
  const [area, second] = segments;
  if (area === "entries") {
    if (second === "new") return links.newEntry(server);
    if (second === "import") return links.importEntries(server);
    const view = search.get("view") ?? undefined;
    return links.entries(server, segments.length > 1 ? {} : { view });
  }
  if (area === "agents") return links.agents(server);
  if (area === "federation") return links.federation(server);
  if (area === "troubleshoot") return links.troubleshoot({ server });
  const params = new URLSearchParams(search);
  params.set("server", server);
  return `${pathname}?${params.toString()}`;
}
