// Timing helpers for the benchmark: medians, HTTP timings, and peak RSS of a process tree.
import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0–100, nearest rank) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Median and p95 of `times` calls of `fn`, one after the other (ms). */
export async function sampleMs(times: number, fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await timeIt(fn));
  return { median: median(samples), p95: percentile(samples, 95) };
}

/** Milliseconds `fn` takes. */
export async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** GET a URL with a bearer token, throwing on a non-2xx answer; returns the parsed JSON. */
export async function getJson<T>(url: string, token: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json", authorization: `Bearer ${token}` } });
  const body = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

/**
 * POST JSON with a bearer token, throwing on a non-2xx answer; returns the parsed JSON. Through
 * node:http, without a client-side deadline: fetch gives up on an answer after 300 s (undici's
 * headersTimeout), and an apply of 10,000 creates on a loaded machine may take longer; the bench
 * prints how long it took, met or not.
 */
export function postJson(url: string, token: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const headers = {
      accept: "application/json",
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
    };
    const req = request(url, { method: "POST", headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const status = response.statusCode ?? 0;
        if (status < 200 || status >= 300) reject(new Error(`${url} answered ${status}: ${text.slice(0, 300)}`));
        else resolve(JSON.parse(text) as unknown);
      });
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

function children(pid: number): number[] {
  const found: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) found.push(Number(name));
    } catch {
      // process ended
    }
  }
  return found;
}

/** Peak RSS (VmHWM, MiB) of `pid` and its descendants, the largest of them, with its name. */
export function peakRss(pid: number): { mib: number; pid: number; name: string } {
  let best = { mib: 0, pid, name: "" };
  const queue = [pid];
  while (queue.length) {
    const current = queue.shift()!;
    try {
      const status = readFileSync(`/proc/${current}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const name = /Name:\s+(\S+)/.exec(status)?.[1] ?? "";
      if (kb / 1024 > best.mib) best = { mib: kb / 1024, pid: current, name };
    } catch {
      continue;
    }
    queue.push(...children(current));
  }
  return best;
}
