import "server-only";

import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";

import { ApiError } from "@/lib/api/api-error";

/** How the console reaches a Prometheus or a telemetry endpoint. */
export type HttpGetOptions = {
  timeoutMs: number;
  bearerTokenFile?: string;
  tls?: { caFile?: string; certFile?: string; keyFile?: string };
  /** Largest body accepted (default 8 MiB). */
  maxBytes?: number;
};

function read(file: string | undefined, what: string): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    throw new ApiError("not_configured", `${what}: cannot read ${file} (${reason})`);
  }
}

function requestOptions(url: URL, options: HttpGetOptions, what: string): https.RequestOptions {
  const headers: Record<string, string> = { accept: "application/json, text/plain;q=0.9" };
  const token = read(options.bearerTokenFile, what);
  if (token) headers.authorization = `Bearer ${token.toString().trim()}`;
  const tls = url.protocol === "https:" ? options.tls : undefined;
  return {
    method: "GET",
    headers,
    ca: read(tls?.caFile, what),
    cert: read(tls?.certFile, what),
    key: read(tls?.keyFile, what),
  };
}

/**
 * GETs `url` with a deadline and no redirects (a 3xx is an error), a bearer token and mTLS when configured; resolves
 * with the status and body. Connection failures become `unavailable`, the deadline `deadline_exceeded`.
 */
export function httpGet(url: string, options: HttpGetOptions, what: string): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  const client = target.protocol === "https:" ? https : http;
  const requestOpts = requestOptions(target, options, what);
  return new Promise((resolve, reject) => {
    const request = client.request(target, requestOpts, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes)
          request.destroy(new ApiError("unavailable", `${what} answered more than ${maxBytes} bytes`));
        else chunks.push(chunk);
      });
      response.on("end", () => {
        clearTimeout(deadline);
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() });
      });
      response.on("error", reject);
    });
    const deadline = setTimeout(
      () => request.destroy(new ApiError("deadline_exceeded", `${what} did not answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    request.on("error", (error) => {
      clearTimeout(deadline);
      reject(
        error instanceof ApiError ? error : new ApiError("unavailable", `${what} is unreachable: ${error.message}`),
      );
    });
    request.end();
  });
}
