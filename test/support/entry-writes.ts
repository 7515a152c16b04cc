// Helpers of the entry write-check tests (entry-power, entry-bounds): requests as a token, and the
// `spire-server` CLI as the witness of what the server holds.
import { expect } from "vitest";

import { type CliEntry, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "./api";

export const td = "spiffe://foo.example.com";
export type Reply = { status: number; body: Record<string, unknown> & { error?: { code: string; message: string } } };
export type CliRow = CliEntry & {
  revision_number?: string | number;
  x509_svid_ttl?: number;
  jwt_svid_ttl?: number;
  store_svid?: boolean;
};

/** Sends one API request with a bearer token and parses the JSON answer. */
export async function send(token: string, method: string, path: string, body?: unknown): Promise<Reply> {
  const response = await consoleFetch(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Reply["body"]) : {} };
}

/** The entries of foo with this SPIFFE ID, as the CLI shows them. */
export async function cliBySpiffeId(spiffeId: string): Promise<CliRow[]> {
  const out = await spireServerJson<{ entries: CliRow[] | null }>(
    "foo",
    ["entry", "show", "-spiffeID", spiffeId],
    stackState(),
  );
  return out.entries ?? [];
}

/** The number of entries on foo, as the CLI counts them. */
export async function cliCount(): Promise<number> {
  return (await spireServerJson<{ count: number }>("foo", ["entry", "count"], stackState())).count;
}

/** The foo agents' SPIFFE IDs (the stack's x509pop and join_token agents). */
export const fooAgents = () =>
  stackState()
    .servers.find((s) => s.name === "foo")!
    .agents.map((a) => a.spiffeId);

export const parentOf = (row: CliRow | undefined) => (row ? idToString(row.parent_id) : undefined);

/**
 * Sends `call`, expects 403 permission_denied whose message matches `rule`, and that the CLI's
 * entry count on foo did not move. Returns the answer.
 */
export async function expectRefused(call: () => Promise<Reply>, rule: RegExp): Promise<Reply> {
  const before = await cliCount();
  const result = await call();
  expect(result.status, JSON.stringify(result.body)).toBe(403);
  expect(result.body.error?.code).toBe("permission_denied");
  expect(result.body.error?.message).toMatch(rule);
  expect(await cliCount()).toBe(before);
  return result;
}

/** A plain entry body under foo's first agent with a fresh uid selector. */
export function plainEntry(spiffeId: string, fields: Record<string, unknown> = {}) {
  return {
    spiffeId,
    parentId: fooAgents()[0]!,
    selectors: [{ type: "unix", value: `uid:${30000 + Math.floor(Math.random() * 20000)}` }],
    ...fields,
  };
}
