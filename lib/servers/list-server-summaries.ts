import "server-only";

import { allows, readableServers } from "@/lib/auth/guard";
import { loadConfig } from "@/lib/config/load-config";
import { summarizeServer } from "@/lib/servers/summarize-server";
import { type WorkloadApiStatus, workloadApiStatuses } from "@/lib/spiffe/status";
import type { ServerSummary } from "@/lib/spire/types";

export type ConfigStatus =
  | { status: "ok"; source: string }
  | { status: "unconfigured"; searched: string[] }
  | { status: "invalid"; source: string; message: string };

/** `workloadApi`: the console's own SPIFFE identity per Workload API socket it uses (issue #6). */
export type ServersResponse = { config: ConfigStatus; servers: ServerSummary[]; workloadApi: WorkloadApiStatus[] };

/** A config problem as a non-admin may see it: that there is one, not which file or why. */
function publicConfigStatus(state: Exclude<ConfigStatus, { status: "ok" }>): ConfigStatus {
  return state.status === "invalid"
    ? { status: "invalid", source: "(hidden)", message: "The configuration is invalid; an admin can see why." }
    : { status: "unconfigured", searched: [] };
}

/**
 * Every configured server the caller may read, with its health, checked in parallel; never
 * throws. Only admins see where the config file is and what is wrong with it.
 */
export async function listServerSummaries(): Promise<ServersResponse> {
  const state = loadConfig();
  if (state.status !== "ok") {
    const config = (await allows("tokens.manage")) ? state : publicConfigStatus(state);
    return { config, servers: [], workloadApi: [] };
  }
  const readable = await readableServers(state.config.servers, "servers.read");
  const servers = await Promise.all(readable.map(summarizeServer));
  return { config: { status: "ok", source: state.source }, servers, workloadApi: workloadApiStatuses(state.config) };
}
