import { beforeAll, describe, expect, it } from "vitest";

import { type CliEntry, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";

// Every bad request must get its documented 4xx with a clear message and leave the server's
// entries exactly as they were (counted through `spire-server entry count`).

const td = "spiffe://foo.example.com";
const good = {
  spiffeId: `${td}/it-bad/never-created`,
  parentId: `${td}/spire/server`,
  selectors: [{ type: "unix", value: "uid:7777" }],
};
const with_ = (patch: Record<string, unknown>) => ({ ...good, ...patch });
const without = (key: keyof typeof good) => Object.fromEntries(Object.entries(good).filter(([k]) => k !== key));

type Case = {
  name: string;
  method?: "POST" | "PATCH" | "DELETE";
  /** Path under /api/servers/foo/entries; `{seeded}` is replaced with a seeded entry's ID. */
  path?: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  status: number;
  code: string;
  message: RegExp;
  /** The field path the 400 must name in `details`. */
  field?: string;
};

const cases: Case[] = [
  {
    name: "SPIFFE ID that is not a URI",
    body: with_({ spiffeId: "not-an-id" }),
    status: 400,
    code: "invalid_argument",
    message: /spiffe:\/\/trust-domain\/path/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID with http scheme",
    body: with_({ spiffeId: "http://foo.example.com/a" }),
    status: 400,
    code: "invalid_argument",
    message: /spiffe:\/\/trust-domain/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID in a foreign trust domain",
    body: with_({ spiffeId: "spiffe://bar.example.com/a" }),
    status: 400,
    code: "invalid_argument",
    message: /trust domain foo\.example\.com, not bar\.example\.com/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID with uppercase trust domain",
    body: with_({ spiffeId: "spiffe://Foo.example.com/a" }),
    status: 400,
    code: "invalid_argument",
    message: /lowercase/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID under /spire/",
    body: with_({ spiffeId: `${td}/spire/agent/fake` }),
    status: 400,
    code: "invalid_argument",
    message: /reserved/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID exactly /spire",
    body: with_({ spiffeId: `${td}/spire` }),
    status: 400,
    code: "invalid_argument",
    message: /reserved/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID without a path",
    body: with_({ spiffeId: td }),
    status: 400,
    code: "invalid_argument",
    message: /needs a path/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID with a trailing slash",
    body: with_({ spiffeId: `${td}/a/` }),
    status: 400,
    code: "invalid_argument",
    message: /empty segments/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID with an empty segment",
    body: with_({ spiffeId: `${td}/a//b` }),
    status: 400,
    code: "invalid_argument",
    message: /empty segments/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID with a '.' segment",
    body: with_({ spiffeId: `${td}/a/./b` }),
    status: 400,
    code: "invalid_argument",
    message: /'\.' or '\.\.'/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID with a '..' segment",
    body: with_({ spiffeId: `${td}/a/../b` }),
    status: 400,
    code: "invalid_argument",
    message: /'\.' or '\.\.'/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID with a space",
    body: with_({ spiffeId: `${td}/a b` }),
    status: 400,
    code: "invalid_argument",
    message: /may contain only/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID with percent-encoding",
    body: with_({ spiffeId: `${td}/a%20b` }),
    status: 400,
    code: "invalid_argument",
    message: /may contain only/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID with a query",
    body: with_({ spiffeId: `${td}/a?x=1` }),
    status: 400,
    code: "invalid_argument",
    message: /query or fragment/,
    field: "spiffeId",
  },
  {
    name: "SPIFFE ID that is a number",
    body: with_({ spiffeId: 42 }),
    status: 400,
    code: "invalid_argument",
    message: /spiffeId is required/,
    field: "spiffeId",
  },
  {
    name: "parent ID in a foreign trust domain",
    body: with_({ parentId: "spiffe://bar.example.com/spire/server" }),
    status: 400,
    code: "invalid_argument",
    message: /parent ID must be in this server's trust domain/,
    field: "parentId",
  },
  {
    name: "parent ID missing",
    body: without("parentId"),
    status: 400,
    code: "invalid_argument",
    message: /parentId is required/,
    field: "parentId",
  },
  {
    name: "parent ID without a path",
    body: with_({ parentId: td }),
    status: 400,
    code: "invalid_argument",
    message: /parent ID needs a path/,
    field: "parentId",
  },
  {
    name: "selectors missing",
    body: without("selectors"),
    status: 400,
    code: "invalid_argument",
    message: /selectors must be a list/,
    field: "selectors",
  },
  {
    name: "no selectors",
    body: with_({ selectors: [] }),
    status: 400,
    code: "invalid_argument",
    message: /At least one selector/,
    field: "selectors",
  },
  {
    name: "selector with an empty type",
    body: with_({ selectors: [{ type: "", value: "uid:1" }] }),
    status: 400,
    code: "invalid_argument",
    message: /Selector type may contain only/,
    field: "selectors.0.type",
  },
  {
    name: "selector type containing ':'",
    body: with_({ selectors: [{ type: "unix:uid", value: "1" }] }),
    status: 400,
    code: "invalid_argument",
    message: /Selector type may contain only/,
    field: "selectors.0.type",
  },
  {
    name: "selector with an empty value",
    body: with_({ selectors: [{ type: "unix", value: "" }] }),
    status: 400,
    code: "invalid_argument",
    message: /Selector value is required/,
    field: "selectors.0.value",
  },
  {
    name: "selector as a string",
    body: with_({ selectors: ["unix:uid:1"] }),
    status: 400,
    code: "invalid_argument",
    message: /must be a JSON object/,
    field: "selectors.0",
  },
  {
    name: "selector with an unknown field",
    body: with_({ selectors: [{ type: "unix", value: "uid:1", weight: 2 }] }),
    status: 400,
    code: "invalid_argument",
    message: /Unknown field 'weight'/,
    field: "selectors.0",
  },
  {
    name: "the same selector twice",
    body: with_({ selectors: [good.selectors[0], good.selectors[0]] }),
    status: 400,
    code: "invalid_argument",
    message: /listed twice/,
    field: "selectors.1",
  },
  {
    name: "selector value over 1024 characters",
    body: with_({ selectors: [{ type: "unix", value: "x".repeat(1025) }] }),
    status: 400,
    code: "invalid_argument",
    message: /at most 1024/,
    field: "selectors.0.value",
  },
  {
    name: "negative X.509 TTL",
    body: with_({ x509SvidTtl: -1 }),
    status: 400,
    code: "invalid_argument",
    message: /must not be negative/,
    field: "x509SvidTtl",
  },
  {
    name: "X.509 TTL beyond int32",
    body: with_({ x509SvidTtl: 2 ** 31 }),
    status: 400,
    code: "invalid_argument",
    message: /32-bit/,
    field: "x509SvidTtl",
  },
  {
    name: "absurd JWT TTL",
    body: with_({ jwtSvidTtl: 1e12 }),
    status: 400,
    code: "invalid_argument",
    message: /32-bit/,
    field: "jwtSvidTtl",
  },
  {
    name: "fractional JWT TTL",
    body: with_({ jwtSvidTtl: 1.5 }),
    status: 400,
    code: "invalid_argument",
    message: /whole seconds/,
    field: "jwtSvidTtl",
  },
  {
    name: "TTL as a string",
    body: with_({ jwtSvidTtl: "300" }),
    status: 400,
    code: "invalid_argument",
    message: /number of seconds/,
    field: "jwtSvidTtl",
  },
  {
    name: "hint over 1024 bytes",
    body: with_({ hint: "h".repeat(1025) }),
    status: 400,
    code: "invalid_argument",
    message: /at most 1024 bytes/,
    field: "hint",
  },
  {
    name: "federatesWith a domain with no bundle",
    body: with_({ federatesWith: ["baz.example.com"] }),
    status: 400,
    code: "invalid_argument",
    message: /no bundle for baz\.example\.com.*bar\.example\.com/,
    field: "federatesWith.0",
  },
  {
    name: "federatesWith its own trust domain",
    body: with_({ federatesWith: ["foo.example.com"] }),
    status: 400,
    code: "invalid_argument",
    message: /own trust domain/,
    field: "federatesWith.0",
  },
  {
    name: "federatesWith a malformed domain",
    body: with_({ federatesWith: ["Bad Domain"] }),
    status: 400,
    code: "invalid_argument",
    message: /lowercase letters/,
    field: "federatesWith.0",
  },
  {
    name: "DNS name with a space",
    body: with_({ dnsNames: ["bad name.example.com"] }),
    status: 400,
    code: "invalid_argument",
    message: /ASCII without spaces/,
    field: "dnsNames.0",
  },
  {
    name: "DNS name with an inner wildcard",
    body: with_({ dnsNames: ["a.*.example.com"] }),
    status: 400,
    code: "invalid_argument",
    message: /wildcard/,
    field: "dnsNames.0",
  },
  {
    name: "DNS label starting with '-'",
    body: with_({ dnsNames: ["-x.example.com"] }),
    status: 400,
    code: "invalid_argument",
    message: /each label/,
    field: "dnsNames.0",
  },
  {
    name: "expiry that is not a time",
    body: with_({ expiresAt: "tomorrow" }),
    status: 400,
    code: "invalid_argument",
    message: /ISO-8601/,
    field: "expiresAt",
  },
  {
    name: "expiry in the past",
    body: with_({ expiresAt: "2001-01-01T00:00:00Z" }),
    status: 400,
    code: "invalid_argument",
    message: /in the future/,
    field: "expiresAt",
  },
  {
    name: "admin as a string",
    body: with_({ admin: "yes" }),
    status: 400,
    code: "invalid_argument",
    message: /admin must be true or false/,
    field: "admin",
  },
  {
    name: "storeSvid with mixed selector types",
    body: with_({
      storeSvid: true,
      selectors: [
        { type: "unix", value: "uid:1" },
        { type: "k8s", value: "ns:a" },
      ],
    }),
    status: 400,
    code: "invalid_argument",
    message: /same type/,
    field: "storeSvid",
  },
  {
    name: "unknown field",
    body: with_({ colour: "blue" }),
    status: 400,
    code: "invalid_argument",
    message: /Unknown field 'colour'/,
  },
  {
    name: "server-set field id",
    body: with_({ id: "my-id", revisionNumber: 3 }),
    status: 400,
    code: "invalid_argument",
    message: /Unknown fields 'id', 'revisionNumber'/,
  },
  {
    name: "body that is not JSON",
    raw: "{spiffeId:",
    status: 400,
    code: "invalid_argument",
    message: /not valid JSON/,
  },
  { name: "empty body", raw: "", status: 400, code: "invalid_argument", message: /empty/ },
  {
    name: "body that is an array",
    body: [good],
    status: 400,
    code: "invalid_argument",
    message: /must be a JSON object/,
  },
  {
    name: "batch with no entries",
    body: { entries: [] },
    status: 400,
    code: "invalid_argument",
    message: /must not be empty/,
    field: "entries",
  },
  {
    name: "batch whose entries is not a list",
    body: { entries: good },
    status: 400,
    code: "invalid_argument",
    message: /must be a list/,
    field: "entries",
  },
  {
    name: "batch with an unknown field",
    body: { entries: [good], dryRun: true },
    status: 400,
    code: "invalid_argument",
    message: /Unknown field 'dryRun'/,
  },
  {
    name: "text/plain content type",
    body: good,
    headers: { "content-type": "text/plain" },
    status: 415,
    code: "unsupported_media_type",
    message: /application\/json/,
  },
  {
    name: "form content type",
    raw: "spiffeId=x",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    status: 415,
    code: "unsupported_media_type",
    message: /application\/json/,
  },
  {
    name: "no content type",
    raw: JSON.stringify(good),
    headers: { "content-type": "" },
    status: 415,
    code: "unsupported_media_type",
    message: /got none/,
  },
  {
    name: "cross-origin Origin header",
    body: good,
    headers: { origin: "https://evil.example.com" },
    status: 403,
    code: "permission_denied",
    message: /evil\.example\.com/,
  },
  {
    name: "Sec-Fetch-Site cross-site",
    body: good,
    headers: { "sec-fetch-site": "cross-site" },
    status: 403,
    code: "permission_denied",
    message: /Cross-site/,
  },
  {
    name: "opaque Origin null",
    body: good,
    headers: { origin: "null" },
    status: 403,
    code: "permission_denied",
    message: /origin null/,
  },
  {
    name: "body over 1 MiB",
    raw: JSON.stringify(with_({ hint: "h".repeat(1024 * 1024) })),
    status: 413,
    code: "payload_too_large",
    message: /1 MiB/,
  },
  {
    name: "duplicate of a seeded entry",
    body: "{duplicate}",
    status: 409,
    code: "already_exists",
    message: /similar entry already exists/,
  },
  {
    name: "PATCH with a stale revision",
    method: "PATCH",
    path: "/{seeded}",
    body: { revisionNumber: 999, x509SvidTtl: 60 },
    status: 409,
    code: "conflict",
    message: /changed since it was loaded/,
  },
  {
    name: "PATCH without a revision",
    method: "PATCH",
    path: "/{seeded}",
    body: { x509SvidTtl: 60 },
    status: 400,
    code: "invalid_argument",
    message: /revisionNumber/,
    field: "revisionNumber",
  },
  {
    name: "PATCH with nothing to change",
    method: "PATCH",
    path: "/{seeded}",
    body: { revisionNumber: 0 },
    status: 400,
    code: "invalid_argument",
    message: /Nothing to change/,
  },
  {
    name: "PATCH with an unknown field",
    method: "PATCH",
    path: "/{seeded}",
    body: { revisionNumber: 0, createdAt: 1 },
    status: 400,
    code: "invalid_argument",
    message: /Unknown field 'createdAt'/,
  },
  {
    name: "PATCH to a foreign SPIFFE ID",
    method: "PATCH",
    path: "/{seeded}",
    body: { revisionNumber: 0, spiffeId: "spiffe://bar.example.com/x" },
    status: 400,
    code: "invalid_argument",
    message: /trust domain foo\.example\.com/,
    field: "spiffeId",
  },
  {
    name: "PATCH of an entry that does not exist",
    method: "PATCH",
    path: "/no-such-entry",
    body: { revisionNumber: 0, hint: "x" },
    status: 404,
    code: "not_found",
    message: /not found/,
  },
  {
    name: "PATCH cross-origin",
    method: "PATCH",
    path: "/{seeded}",
    body: { revisionNumber: 0, hint: "x" },
    headers: { origin: "http://127.0.0.2:1" },
    status: 403,
    code: "permission_denied",
    message: /may not change/,
  },
  {
    name: "DELETE cross-origin",
    method: "DELETE",
    path: "/{seeded}",
    headers: { origin: "https://evil.example.com" },
    status: 403,
    code: "permission_denied",
    message: /may not change/,
  },
  {
    name: "DELETE with a malformed ID",
    method: "DELETE",
    path: "/bad%20id",
    status: 400,
    code: "invalid_argument",
    message: /entry ID is 1–255/,
  },
  {
    name: "batch delete with no IDs",
    path: "/batch-delete",
    body: { ids: [] },
    status: 400,
    code: "invalid_argument",
    message: /must not be empty/,
    field: "ids",
  },
  {
    name: "batch delete with a malformed ID",
    path: "/batch-delete",
    body: { ids: ["ok-id", "bad id"] },
    status: 400,
    code: "invalid_argument",
    message: /entry ID is 1–255/,
    field: "ids.1",
  },
  {
    name: "batch delete with a repeated ID",
    path: "/batch-delete",
    body: { ids: ["{seeded}", "{seeded}"] },
    status: 400,
    code: "invalid_argument",
    message: /must not repeat/,
    field: "ids",
  },
  {
    name: "batch delete as text/plain",
    path: "/batch-delete",
    body: { ids: ["{seeded}"] },
    headers: { "content-type": "text/plain" },
    status: 415,
    code: "unsupported_media_type",
    message: /application\/json/,
  },
];

let seeded: CliEntry;
const entryCount = async () =>
  (await spireServerJson<{ count: number }>("foo", ["entry", "count"], stackState())).count;
const seededNow = async () =>
  (
    await spireServerJson<{ entries: (CliEntry & { revision_number: string })[] }>(
      "foo",
      ["entry", "show", "-entryID", seeded.id],
      stackState(),
    )
  ).entries[0];

beforeAll(async () => {
  const shown = await spireServerJson<{ entries: CliEntry[] }>(
    "foo",
    ["entry", "show", "-spiffeID", `${td}/payments/api`],
    stackState(),
  );
  seeded = shown.entries[0]!;
});

describe("bad inputs to the entry mutation API", () => {
  it("has at least 40 distinct cases", () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)("$name → $status $code", async (c) => {
    const before = await entryCount();
    const seededBefore = await seededNow();
    const fill = (text: string) => text.replaceAll("{seeded}", seeded.id);
    let body: string | undefined = c.raw;
    if (c.body === "{duplicate}") {
      body = JSON.stringify({
        spiffeId: idToString(seeded.spiffe_id),
        parentId: idToString(seeded.parent_id),
        selectors: seeded.selectors,
      });
    } else if (c.body !== undefined) body = fill(JSON.stringify(c.body));
    const headers: Record<string, string> = { "content-type": "application/json", ...c.headers };
    if (headers["content-type"] === "") delete headers["content-type"];
    const response = await consoleFetch(`/api/servers/foo/entries${fill(c.path ?? "")}`, {
      method: c.method ?? "POST",
      headers,
      body: body === undefined ? undefined : new Blob([body]),
    });
    const json = (await response.json()) as { error: { code: string; message: string; details?: { path: string }[] } };
    expect(response.status).toBe(c.status);
    expect(json.error.code).toBe(c.code);
    expect(json.error.message).toMatch(c.message);
    if (c.field) expect(json.error.details?.map((d) => d.path)).toContain(c.field);
    expect(await entryCount()).toBe(before);
    expect(await seededNow()).toEqual(seededBefore);
  });
});
