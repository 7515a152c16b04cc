// SPIRE's Prometheus telemetry in the stack: every server and agent exposes /metrics on a free 127.0.0.1 port,
// chosen on the first `up` and remembered in .stack/telemetry-ports.json (Prometheus's scrape config and the
// console's `servers[].telemetry` name them). Pure rendering apart from the one file.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { StackPaths } from "./paths.ts";
import { freePortPicker } from "./ports.ts";

export type TelemetryPorts = Record<string, number>;

/** How often bar's and foo's bundle endpoints tell partners to come back (SPIRE's minimum, so staleness shows). */
export const STACK_REFRESH_HINT = "1m";

function telemetryPortsPath(paths: StackPaths): string {
  return path.join(paths.stackDir, "telemetry-ports.json");
}

/** Reads the remembered telemetry ports ({} before the first `up`). */
export function readTelemetryPorts(paths: StackPaths): TelemetryPorts {
  const file = telemetryPortsPath(paths);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as TelemetryPorts) : {};
}

/** Chooses (and saves) a telemetry port for each named server or agent that has none yet; returns them all. */
export async function ensureTelemetryPorts(
  paths: StackPaths,
  names: readonly string[],
  taken: Set<number>,
): Promise<TelemetryPorts> {
  const ports = readTelemetryPorts(paths);
  const pick = freePortPicker(new Set([...taken, ...Object.values(ports)]));
  const missing = names.filter((name) => ports[name] === undefined);
  for (const name of missing) ports[name] = await pick();
  if (missing.length > 0) writeFileSync(telemetryPortsPath(paths), JSON.stringify(ports, null, 2) + "\n");
  return ports;
}

/** The HCL `telemetry` block of a server or agent config (empty without a port). */
export function renderTelemetry(port: number | undefined): string {
  if (port === undefined) return "";
  return `
telemetry {
  Prometheus {
    host = "127.0.0.1"
    port = ${port}
  }
}
`;
}

/** The URL Prometheus (or the console's fallback) scrapes for one component's telemetry. */
export function telemetryUrl(port: number): string {
  return `http://127.0.0.1:${port}/metrics`;
}
