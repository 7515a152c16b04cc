import "server-only";

import { ApiError } from "@/lib/api/api-error";
import type { PrometheusConfig } from "@/lib/config/prometheus-schema";

import { httpGet } from "./http-get";
import type { InstantSample, Labels, Point, RangeSeries } from "./types";

type RawValue = [number, string];
type Answer = {
  status: "success" | "error";
  error?: string;
  data?: { resultType: string; result: { metric: Labels; value?: RawValue; values?: RawValue[] }[] };
};

const toPoint = ([t, v]: RawValue): Point => ({ t, v: Number(v) });

async function callApi(config: PrometheusConfig, path: string, params: Record<string, string>): Promise<Answer> {
  const url = new URL(path, config.url.endsWith("/") ? config.url : `${config.url}/`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const { status, body } = await httpGet(url.toString(), config, "Prometheus");
  let answer: Answer;
  try {
    answer = JSON.parse(body) as Answer;
  } catch {
    throw new ApiError("unavailable", `Prometheus answered ${status} with a body that is not JSON`);
  }
  if (status !== 200 || answer.status !== "success") {
    throw new ApiError("unavailable", `Prometheus answered ${status}: ${answer.error ?? "no error message"}`);
  }
  return answer;
}

/** Runs a PromQL instant query (`/api/v1/query`) at `time` (epoch seconds; default now). */
export async function queryInstant(config: PrometheusConfig, expr: string, time?: number): Promise<InstantSample[]> {
  const params: Record<string, string> = { query: expr, timeout: `${Math.floor(config.timeoutMs / 1000) || 1}s` };
  if (time !== undefined) params.time = String(time);
  const answer = await callApi(config, "api/v1/query", params);
  if (answer.data?.resultType !== "vector") {
    throw new ApiError("unavailable", `Prometheus answered a ${answer.data?.resultType ?? "missing"} result`);
  }
  return answer.data.result.map((r) => ({ labels: r.metric, point: toPoint(r.value ?? [0, "NaN"]) }));
}

/** Runs a PromQL range query (`/api/v1/query_range`) from `start` to `end` (epoch seconds) every `step` seconds. */
export async function queryRange(
  config: PrometheusConfig,
  expr: string,
  range: { start: number; end: number; step: number },
): Promise<RangeSeries[]> {
  const answer = await callApi(config, "api/v1/query_range", {
    query: expr,
    start: String(range.start),
    end: String(range.end),
    step: String(range.step),
    timeout: `${Math.floor(config.timeoutMs / 1000) || 1}s`,
  });
  if (answer.data?.resultType !== "matrix") {
    throw new ApiError("unavailable", `Prometheus answered a ${answer.data?.resultType ?? "missing"} result`);
  }
  return answer.data.result.map((r) => ({ labels: r.metric, points: (r.values ?? []).map(toPoint) }));
}
