import "server-only";

import { loadConfig } from "@/lib/config/load-config";
import { type WorkloadApiStatus, workloadApiStatuses } from "@/lib/spiffe/status";
import { summarizeServer } from "@/lib/servers/summarize-server";
import type { ServerSummary } from "@/lib/spire/types";

export type ConfigStatus =
  | { status: "ok"; source: string }
  | { status: "unconfigured"; searched: string[] }
  | { status: "invalid"; source: string; message: string };

/** `workloadApi`: the console's own SPIFFE identity per Workload API socket it uses (issue #6). */
export type ServersResponse = { config: ConfigStatus; servers: ServerSummary[]; workloadApi: WorkloadApiStatus[] };

/** Every configured server with its health, checked in parallel; never throws. */
export async function listServerSummaries(): Promise<ServersResponse> {
  const state = loadConfig();
  if (state.status !== "ok") return { config: state, servers: [], workloadApi: [] };
  const servers = await Promise.all(state.config.servers.map(summarizeServer));
  return { config: { status: "ok", source: state.source }, servers, workloadApi: workloadApiStatuses(state.config) };
}
