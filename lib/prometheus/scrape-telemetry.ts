import "server-only";

import { ApiError } from "@/lib/api/api-error";

import { httpGet } from "./http-get";
import { parseExposition } from "./parse-exposition";
import type { ExpositionSample } from "./types";

/**
 * Scrapes one SPIRE telemetry endpoint (`servers[].telemetry`) once, with a deadline and no redirects, and returns
 * its samples (current values only: no history).
 */
export async function scrapeTelemetry(url: string, timeoutMs: number, what: string): Promise<ExpositionSample[]> {
  const { status, body } = await httpGet(url, { timeoutMs }, what);
  if (status !== 200) throw new ApiError("unavailable", `${what} answered ${status}`);
  return parseExposition(body).samples;
}
