// Helpers shared by the mtls-*.test.ts files (issue #6): the console's Workload API state as
// GET /api/servers reports it.
import { apiGet } from "./api";

export type WorkloadApiStatus = {
  socket: string;
  state: "connecting" | "ready" | "down";
  spiffeId: string | null;
  expiresAt: string | null;
  expired: boolean;
  lastUpdate: string | null;
  updates: number;
  trustDomains: string[];
  error: string | null;
};

export type ServerSummary = {
  name: string;
  address: string;
  healthy: boolean;
  serverSvidExpiresAt: string | null;
  error: { code: string; message: string } | null;
};

export const CONSOLE_ID = "spiffe://foo.example.com/console";

/** GET /api/servers: the servers and the console's one Workload API source. */
export async function serversAndIdentity(): Promise<{ servers: ServerSummary[]; identity: WorkloadApiStatus }> {
  const res = await apiGet<{ servers: ServerSummary[]; workloadApi: WorkloadApiStatus[] }>("/api/servers");
  if (res.status !== 200) throw new Error(`/api/servers answered ${res.status}`);
  const [identity] = res.body.workloadApi;
  if (!identity || res.body.workloadApi.length !== 1)
    throw new Error(`expected one Workload API source, got ${JSON.stringify(res.body.workloadApi)}`);
  return { servers: res.body.servers, identity };
}
