import "server-only";

import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";

import { readTelemetryReport } from "./read-telemetry-report";
import type { TelemetryReport } from "./types";

/** The "What SPIRE says" panels of one server, for a principal who may read it. */
export async function loadTelemetryReport(server: ServerConfig): Promise<TelemetryReport> {
  await authorize("servers.read", { server: server.name });
  return readTelemetryReport(server);
}
