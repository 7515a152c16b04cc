import "server-only";

import { loadConfig } from "@/lib/config/load-config";
import { summarizeServer } from "@/lib/spire/servers";
import type { ServerSummary } from "@/lib/spire/types";

export type ConfigStatus =
  | { status: "ok"; source: string }
  | { status: "unconfigured"; searched: string[] }
  | { status: "invalid"; source: string; message: string };

export type ServersResponse = { config: ConfigStatus; servers: ServerSummary[] };

/** Every configured server with its health, checked in parallel; never throws. */
export async function listServerSummaries(): Promise<ServersResponse> {
  const state = loadConfig();
  if (state.status !== "ok") return { config: state, servers: [] };
  const servers = await Promise.all(state.config.servers.map(summarizeServer));
  return { config: { status: "ok", source: state.source }, servers };
}
