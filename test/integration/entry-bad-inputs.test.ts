// Every bad request must get its documented 4xx with a clear message and leave the server's
// entries exactly as they were (counted through `spire-server entry count`). The cases are in
// test/support/entry-bad-inputs/, one table per kind of input.
import { beforeAll, describe, expect, it } from "vitest";

import { type CliEntry, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";
import { td } from "../support/entry-bad-inputs/case";
import { badChanges } from "../support/entry-bad-inputs/changes";
import { badEntryFields } from "../support/entry-bad-inputs/entry-fields";
import { badRequestShapes } from "../support/entry-bad-inputs/request-shape";
import { badSelectors } from "../support/entry-bad-inputs/selectors";
import { badSpiffeIds } from "../support/entry-bad-inputs/spiffe-ids";

const cases = [...badSpiffeIds, ...badSelectors, ...badEntryFields, ...badRequestShapes, ...badChanges];

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

/** What every case must leave as it found it: foo's entry count and the seeded entry, read once before the first. */
let baseline: { count: number; seeded: Awaited<ReturnType<typeof seededNow>> };
beforeAll(async () => {
  const shown = await spireServerJson<{ entries: CliEntry[] }>(
    "foo",
    ["entry", "show", "-spiffeID", `${td}/payments/api`],
    stackState(),
  );
  seeded = shown.entries[0]!;
  baseline = { count: await entryCount(), seeded: await seededNow() };
});

describe("bad inputs to the entry mutation API", () => {
  it("has at least 40 distinct cases", () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)("$name → $status $code", async (c) => {
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
    // Nothing changes while the cases run (the file runs alone), so each is held to the state before the first.
    const [count, seededAfter] = await Promise.all([entryCount(), seededNow()]);
    expect(count).toBe(baseline.count);
    expect(seededAfter).toEqual(baseline.seeded);
  });
});
