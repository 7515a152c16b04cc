// Federation relationships in entries-as-code files on the real stack, with `spire-server federation
// list/show` as the witness. Only a throwaway trust domain is created, changed and deleted: the real
// foo↔bar relationship is only exported and planned (unchanged), never written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify } from "yaml";

import type { ApplyResult, EntrySetDocument, Plan } from "@/lib/entries-as-code/types";

import { spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";
import { auditRecords } from "../support/audit";
import { createToken } from "../support/auth";
import { base, send } from "./entries-as-code-support";

const throwaway = "td-code-test.example.org";
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const prefix = `spiffe://foo.example.com/it-eac-fed/${run}/`;

type CliRelationship = { trust_domain: string; bundle_endpoint_url: string; https_web?: object; https_spiffe?: object };

async function cliRelationships(): Promise<CliRelationship[]> {
  const listed = await spireServerJson<{ federation_relationships: CliRelationship[] | null }>(
    "foo",
    ["federation", "list"],
    stackState(),
  );
  return listed.federation_relationships ?? [];
}

async function cliShow(trustDomain: string): Promise<CliRelationship | null> {
  const shown = await spireServerJson<{ federation_relationships?: CliRelationship[] } & Partial<CliRelationship>>(
    "foo",
    ["federation", "show", "-trustDomain", trustDomain],
    stackState(),
  ).catch(() => null);
  if (!shown) return null;
  return shown.federation_relationships?.[0] ?? (shown.trust_domain ? (shown as CliRelationship) : null);
}

const deleteThrowaway = () =>
  spireServer("foo", ["federation", "delete", "-id", throwaway], stackState()).catch(() => "");

let exported: EntrySetDocument;

/** The exported file (foo's relationships, an empty entry scope) with `change` applied to a copy. */
function fileWith(change: (doc: EntrySetDocument) => void): string {
  const doc = structuredClone(exported);
  change(doc);
  return stringify(doc);
}

const withThrowaway = (url: string) =>
  fileWith((doc) => {
    doc.spec.federationRelationships = [
      ...(doc.spec.federationRelationships ?? []),
      { trustDomain: throwaway, bundleEndpointUrl: url, bundleEndpointProfile: { type: "https_web" } },
    ];
  });

async function plan(text: string) {
  const planned = await send<Plan>("POST", `${base}/plans`, { text });
  expect(planned.status, JSON.stringify(planned.body).slice(0, 600)).toBe(201);
  return planned.body;
}

async function apply(id: string) {
  const applied = await send<ApplyResult>("POST", `${base}/plans/${id}/apply`, {});
  expect(applied.status, JSON.stringify(applied.body).slice(0, 600)).toBe(200);
  expect(applied.body.ok).toBe(true);
  return applied.body;
}

beforeAll(async () => {
  await deleteThrowaway();
  const text = await send<string>("GET", `${base}/entries/export?format=console&spiffeIdPrefix=${prefix}`);
  expect(text.status).toBe(200);
  exported = parseYaml(text.body) as EntrySetDocument;
}, 60_000);

afterAll(deleteThrowaway);

describe("federation relationships in entries as code", () => {
  it("exports foo's relationships, and the export plans no change", async () => {
    const declared = exported.spec.federationRelationships ?? [];
    expect(declared.find((r) => r.trustDomain === "bar.example.com")).toMatchObject({
      bundleEndpointProfile: { type: "https_spiffe", endpointSpiffeId: "spiffe://bar.example.com/spire/server" },
    });
    const planned = await plan(stringify(exported));
    expect(planned.summaryLine).toBe("0 to add, 0 to change, 0 to delete");
    expect(planned.federation?.changes).toEqual([]);
    expect(planned.federation?.unchanged).toBe(declared.length);
  });

  it("creates a relationship an admin's plan declares, then plans no change", async () => {
    const planned = await plan(withThrowaway("https://td-code-test.example.org/bundle"));
    expect(planned.summary).toMatchObject({ create: 1, update: 0, delete: 0 });
    expect(planned.federation?.changes).toMatchObject([{ action: "create", trustDomain: throwaway }]);
    expect(await cliShow(throwaway)).toBeNull();
    const applied = await apply(planned.id);
    expect(applied.results).toMatchObject([{ action: "create", trustDomain: throwaway, status: { code: "ok" } }]);
    const shown = await cliShow(throwaway);
    expect(shown).toMatchObject({ bundle_endpoint_url: "https://td-code-test.example.org/bundle" });
    expect(shown?.https_web).toBeDefined();
    const records = await auditRecords({ action: "federation.create", target: throwaway });
    expect(records.find((r) => r.outcome === "ok")?.batchId).toBe(planned.id);
    expect((await plan(withThrowaway("https://td-code-test.example.org/bundle"))).summaryLine).toBe(
      "0 to add, 0 to change, 0 to delete",
    );
  });

  it("updates the bundle endpoint URL field by field", async () => {
    const planned = await plan(withThrowaway("https://td-code-test.example.org/v2"));
    expect(planned.federation?.changes).toMatchObject([
      {
        action: "update",
        trustDomain: throwaway,
        fields: [
          {
            field: "bundleEndpointUrl",
            before: "https://td-code-test.example.org/bundle",
            after: "https://td-code-test.example.org/v2",
          },
        ],
      },
    ]);
    const applied = await apply(planned.id);
    expect(await cliShow(throwaway)).toMatchObject({ bundle_endpoint_url: "https://td-code-test.example.org/v2" });
    expect((await plan(withThrowaway("https://td-code-test.example.org/v2"))).summary.update).toBe(0);

    // The undo plan sets the URL back (the CLI sees it), and its own undo brings the change again.
    const undo = await send<Plan>("GET", `${base}/plans/${applied.inversePlanId}`);
    expect(undo.body.federation?.changes).toMatchObject([
      {
        action: "update",
        trustDomain: throwaway,
        after: { bundleEndpointUrl: "https://td-code-test.example.org/bundle" },
      },
    ]);
    const undone = await apply(undo.body.id);
    expect(await cliShow(throwaway)).toMatchObject({ bundle_endpoint_url: "https://td-code-test.example.org/bundle" });
    await apply(undone.inversePlanId!);
    expect(await cliShow(throwaway)).toMatchObject({ bundle_endpoint_url: "https://td-code-test.example.org/v2" });
  });

  it("refuses (409) a plan whose relationship changed since, and sends nothing", async () => {
    const planned = await plan(withThrowaway("https://td-code-test.example.org/v3"));
    const byCli = "https://td-code-test.example.org/by-cli";
    const args = ["-trustDomain", throwaway, "-bundleEndpointURL", byCli, "-bundleEndpointProfile", "https_web"];
    await spireServer("foo", ["federation", "update", ...args], stackState());
    const applied = await send<{ error: { code: string; details: { path: string }[] } }>(
      "POST",
      `${base}/plans/${planned.id}/apply`,
      {},
    );
    expect(applied.status).toBe(409);
    expect(applied.body.error.details.map((d) => d.path)).toEqual([`federationRelationships.${throwaway}`]);
    expect(await cliShow(throwaway)).toMatchObject({ bundle_endpoint_url: byCli });
  });

  it("refuses an editor's apply of a relationship change (403 with the reason), changing nothing", async () => {
    const token = await createToken(`eac-fed-editor-${run}`, [{ role: "editor" }]);
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const text = withThrowaway("https://td-code-test.example.org/by-editor");
    const planned = await consoleFetch(`${base}/plans`, { method: "POST", headers, body: JSON.stringify({ text }) });
    const body = (await planned.json()) as Plan;
    expect(planned.status, JSON.stringify(body).slice(0, 400)).toBe(201);
    expect(body.summary.update).toBe(1);
    const applied = await consoleFetch(`${base}/plans/${body.id}/apply`, { method: "POST", headers, body: "{}" });
    expect(applied.status).toBe(403);
    expect(((await applied.json()) as { error: { message: string } }).error.message).toMatch(
      /^You may not change federation relationships: the editor role may not/,
    );
    expect(await cliShow(throwaway)).toMatchObject({ bundle_endpoint_url: "https://td-code-test.example.org/by-cli" });
  });

  it("deletes an undeclared relationship only with prune, and never the declared foo↔bar one", async () => {
    const without = await plan(stringify(exported));
    expect(without.federation?.unmanaged).toEqual([throwaway]);
    expect(without.summary.delete).toBe(0);
    const planned = await plan(fileWith((doc) => (doc.spec.prune = true)));
    expect(planned.federation?.changes).toMatchObject([{ action: "delete", trustDomain: throwaway }]);
    expect(planned.summaryLine).toBe("0 to add, 0 to change, 1 to delete");
    await apply(planned.id);
    const left = (await cliRelationships()).map((r) => r.trust_domain);
    expect(left).not.toContain(throwaway);
    expect(left).toContain("bar.example.com");
    expect((await plan(fileWith((doc) => (doc.spec.prune = true)))).summaryLine).toBe(
      "0 to add, 0 to change, 0 to delete",
    );
  });
});
