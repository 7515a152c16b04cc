import "server-only";

import type * as grpc from "@grpc/grpc-js";

import type { ServerConfig } from "@/lib/config/schema";
import { observeSpireCall } from "@/lib/metrics/record";

import { prepareServer, serviceClient } from "./client";
import { toApiError } from "./errors";
import { serviceConstructor, type ServiceName } from "./protos";

type UnaryMethod = (
  request: unknown,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response: unknown) => void,
) => grpc.ClientUnaryCall;

/**
 * Calls one unary method of a SPIRE service with the server's deadline. gRPC failures are
 * rethrown as ApiErrors (e.g. UNAVAILABLE → 503 `unavailable`).
 */
export async function callUnary<Res>(
  server: ServerConfig,
  service: ServiceName,
  method: string,
  request: object,
): Promise<Res> {
  // host:port servers with the Workload API wait (at most the deadline) for the console's first SVID.
  await prepareServer(server);
  const client = serviceClient(server, service) as unknown as Record<string, UnaryMethod>;
  const fn = client[method];
  if (typeof fn !== "function") return Promise.reject(new Error(`${service}.${method} is not in proto/`));
  const started = performance.now();
  return new Promise<Res>((resolve, reject) => {
    fn.call(client, request, { deadline: Date.now() + server.timeoutMs }, (error, response) => {
      observeSpireCall(server.name, `${service}/${method}`, error ? error.code : 0, started);
      if (error) reject(toApiError(error, server.name));
      else resolve(response as Res);
    });
  });
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * Like `callUnary`, but answers the response's protobuf bytes undecoded (e.g. for the entry walk,
 * whose pages are decoded in a worker thread). `method` is the proto name, e.g. `ListEntries`.
 */
export async function callUnaryBytes(
  server: ServerConfig,
  service: ServiceName,
  method: string,
  request: object,
): Promise<Uint8Array> {
  await prepareServer(server);
  const client = serviceClient(server, service);
  const definition = serviceConstructor(service).service[method];
  if (!definition) return Promise.reject(new Error(`${service}.${method} is not in proto/`));
  const started = performance.now();
  return new Promise<Uint8Array>((resolve, reject) => {
    client.makeUnaryRequest(
      definition.path,
      definition.requestSerialize,
      (bytes: Buffer) => bytes,
      request,
      { deadline: Date.now() + server.timeoutMs },
      (error, response) => {
        // One label per method, as callUnary names it ("entry/listEntries").
        observeSpireCall(server.name, `${service}/${lowerFirst(method)}`, error ? error.code : 0, started);
        if (error) reject(toApiError(error, server.name));
        else resolve(response!);
      },
    );
  });
}

/** Page size of full walks (like `spire-server entry show`). */
export const WALK_PAGE_SIZE = 500;

/** A page of results from a SPIRE list call. */
export type RawPage<T> = { items: T[]; nextPageToken: string };

/**
 * Walks every page of a SPIRE list call. SPIRE may return short pages, so only an empty
 * `nextPageToken` ends the walk; a token that repeats is treated as the end too.
 */
export async function* walkPages<T>(fetchPage: (pageToken: string) => Promise<RawPage<T>>): AsyncGenerator<T[]> {
  let token = "";
  const seen = new Set<string>();
  do {
    const page = await fetchPage(token);
    if (page.items.length > 0) yield page.items;
    token = page.nextPageToken;
    if (seen.has(token)) break;
    seen.add(token);
  } while (token);
}

/**
 * Like `walkPages`, but asks for the next page as soon as the current one has arrived, so the
 * server works on page n+1 while the caller processes page n (one page in flight at most).
 */
export async function* walkPagesAhead<T>(fetchPage: (pageToken: string) => Promise<RawPage<T>>): AsyncGenerator<T[]> {
  const seen = new Set<string>([""]);
  let pending: Promise<RawPage<T>> | null = fetchPage("");
  while (pending) {
    const page: RawPage<T> = await pending;
    const token = page.nextPageToken;
    pending = token && !seen.has(token) ? fetchPage(token) : null;
    seen.add(token);
    // A failed prefetch surfaces when it is awaited; until then it must not count as unhandled.
    pending?.catch(() => undefined);
    if (page.items.length > 0) yield page.items;
  }
}

/** Collects every item of a paged list call. Use only where the result is known to be bounded. */
export async function collectPages<T>(fetchPage: (pageToken: string) => Promise<RawPage<T>>): Promise<T[]> {
  const all: T[] = [];
  for await (const items of walkPages(fetchPage)) all.push(...items);
  return all;
}
