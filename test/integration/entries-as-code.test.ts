// Entries as code on the real stack, with spire-server's CLI as the witness: a 1,000-entry scope
// round-trips through all three formats with no changes; apply does exactly the plan, refuses a
// stale plan (409) and a mass delete without the override (412), prunes only inside the scope,
// never touches controller-owned or out-of-scope entries; the CLI's exit codes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ApplyResult, Plan } from "@/lib/entries-as-code/types";

import { spireServer } from "../../scripts/stack/spire-cli.ts";
import { consoleFetch, stackState } from "../support/api";
import { auditRecords } from "../support/audit";
import { createToken } from "../support/auth";
import {
  AGENT,
  base,
  cliById,
  cliCreate,
  cliUnder,
  refreshIndex,
  runCli,
  send,
  td,
  tempFile,
} from "./entries-as-code-support";

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const root = `spiffe://${td}/it-eac/${run}/`;
const expiry = Math.floor(Date.now() / 1000) + 30 * 86_400;

/** Row `i` of the seeded scope: every field kind SPIRE has, varied by `i`. */
function seedRow(prefix: string, i: number): Record<string, unknown> {
  const kinds = [
    [{ type: "unix", value: `uid:${1000 + i}` }],
    [
      { type: "k8s", value: `ns:team-${i % 7}` },
      { type: "k8s", value: `sa:svc-${i}` },
    ],
    [
      { type: "docker", value: `label:app:svc-${i}` },
      { type: "unix", value: `gid:${i}` },
    ],
  ];
  const selectors = kinds[i % 3]!;
  const row: Record<string, unknown> = {
    spiffe_id: `${prefix}svc-${i}`,
    parent_id: i % 10 === 0 ? AGENT : `${prefix}svc-${i - (i % 10)}`,
    selectors,
  };
  if (i % 2 === 0) row.x509_svid_ttl = 1800 + i;
  if (i % 3 === 0) row.jwt_svid_ttl = 300 + i;
  if (i % 4 === 0) row.dns_names = [`svc-${i}.example.internal`, `svc-${i}`];
  if (i % 5 === 0) row.federates_with = ["spiffe://bar.example.com"];
  if (i % 6 === 0) row.hint = `hint-${i % 4}`;
  if (i % 50 === 1) row.admin = true;
  if (i % 50 === 2) row.downstream = true;
  if (i % 3 === 0 && i % 9 === 0) row.store_svid = true; // unix-only selectors: storeSvid's one-type rule holds
  if (i % 8 === 0) row.entryExpiry = expiry + i;
  // SPIRE: "specifying cache behaviour is incompatible with storable SVIDs".
  if (i % 7 === 0 && !row.store_svid)
    row.additional_attributes = { disable_x509_svid_prefetch: true, jwt_svid_include_jti: i % 14 === 0 };
  return row;
}

async function planText(text: string, extra: Record<string, unknown> = {}) {
  return send<Plan & { error?: { code: string; message: string } }>("POST", `${base}/plans`, { text, ...extra });
}

afterAll(async () => {
  const left = await cliUnder(root);
  for (let i = 0; i < left.length; i += 500) {
    const ids = left.slice(i, i + 500).map((e) => e.id);
    await send("POST", `${base}/entries/batch-delete`, { ids });
  }
});

describe("round trip: export, then plan the export, changes nothing", () => {
  const prefix = `${root}rt/`;
  beforeAll(async () => {
    await cliCreate(Array.from({ length: 1000 }, (_, i) => seedRow(prefix, i)));
    await refreshIndex();
  }, 120_000);

  it.each(["console", "spire-data", "cluster-static-entry"])(
    "in the %s format, over 1,000 entries with every field kind",
    async (format) => {
      expect(await cliUnder(prefix)).toHaveLength(1000);
      const exported = await send<string>(
        "GET",
        `${base}/entries/export?format=${format}&spiffeIdPrefix=${encodeURIComponent(prefix)}`,
      );
      expect(exported.status, exported.body).toBe(200);
      const started = performance.now();
      const plan = await planText(exported.body, { owns: { spiffeIdPrefixes: [prefix] }, prune: true });
      const ms = Math.round(performance.now() - started);
      console.log(`[eac] plan of a 1,000-entry ${format} export: ${ms} ms`);
      expect(plan.status, JSON.stringify(plan.body).slice(0, 500)).toBe(201);
      expect(plan.body.summary).toEqual({ create: 0, update: 0, delete: 0, unchanged: 1000, unmanaged: 0 });
      expect(plan.body.changes).toEqual([]);
      expect(plan.body.summaryLine).toBe("0 to add, 0 to change, 0 to delete");
    },
  );
});

describe("apply", () => {
  const prefix = `${root}apply/`;
  const newId = `eac-${run}-new`;
  let seeded: Awaited<ReturnType<typeof cliUnder>> = [];
  beforeAll(async () => {
    await cliCreate(Array.from({ length: 10 }, (_, i) => seedRow(prefix, i * 10 + 3)));
    // Out of scope (another prefix) and controller-owned (the `<prefix>.<uuid>` ID form): never touched.
    await cliCreate([seedRow(`${root}outside/`, 3)]);
    const scm = `eacscm.${crypto.randomUUID()}`;
    const spec = ["-spiffeID", `${prefix}scm`, "-parentID", AGENT, "-selector", "unix:uid:4242"];
    await spireServer("foo", ["entry", "create", "-entryID", scm, ...spec], stackState());
    await refreshIndex();
    seeded = (await cliUnder(prefix)).filter((e) => !e.id.startsWith("eacscm."));
  }, 120_000);

  /** The file: the seeded entries, the first with a new hint, the last two left out (pruned), one new with an ID. */
  function file() {
    const exported = seeded.map((e) => e.id);
    return { keep: exported.slice(0, 8), dropped: exported.slice(8) };
  }

  it("does exactly the plan, after the mass-delete guard refuses it without the override", async () => {
    expect(seeded).toHaveLength(10);
    const { keep, dropped } = file();
    const exported = await send<string>("GET", `${base}/entries/export?ids=${keep.join(",")}&format=console`);
    const text = exported.body.replace(
      /^ {2}entries:\n/m,
      `  entries:\n    - id: ${newId}\n      spiffeId: ${prefix}new\n      parentId: ${AGENT}\n      selectors: [{ type: unix, value: "uid:777" }]\n      hint: created\n`,
    );
    const firstId = keep[0]!;
    const edited = text.replace(new RegExp(`(- id: ${firstId}\\n)`), `$1      hint: changed-by-plan\n`);
    const plan = await planText(edited, {
      sourceRevision: "abc123",
      owns: { spiffeIdPrefixes: [prefix] },
      prune: true,
    });
    expect(plan.status, JSON.stringify(plan.body).slice(0, 800)).toBe(201);
    expect(plan.body.summary).toMatchObject({ create: 1, update: 1, delete: 2, unchanged: 7 });
    expect(plan.body.changes.find((c) => c.action === "update")?.fields.map((f) => f.field)).toContain("hint");
    expect(
      plan.body.changes
        .filter((c) => c.action === "delete")
        .map((c) => c.entryId)
        .sort(),
    ).toEqual([...dropped].sort());
    expect(plan.body.guard.tripped).toBe(true);
    expect(plan.body.risks.some((r) => r.kind === "controller-owned")).toBe(false);

    const refused = await send<{ error: { code: string } }>("POST", `${base}/plans/${plan.body.id}/apply`, {});
    expect(refused.status).toBe(412);
    expect(await cliById(dropped[0]!)).not.toBeNull();
    expect(await cliById(newId)).toBeNull();

    const before = new Map((await cliUnder(prefix)).map((e) => [e.id, e.revision_number]));
    const applied = await send<ApplyResult>("POST", `${base}/plans/${plan.body.id}/apply`, {
      allowMassDelete: true,
      sourceRevision: "abc123",
    });
    expect(applied.status, JSON.stringify(applied.body).slice(0, 800)).toBe(200);
    expect(applied.body.ok).toBe(true);
    expect(applied.body.results).toHaveLength(4);
    const after = await cliUnder(prefix);
    const byId = new Map(after.map((e) => [e.id, e]));
    expect(byId.get(newId)?.hint).toBe("created");
    expect(byId.get(firstId)?.hint).toBe("changed-by-plan");
    for (const id of dropped) expect(byId.has(id), id).toBe(false);
    for (const id of keep.slice(1)) expect(byId.get(id)?.revision_number, id).toBe(before.get(id));
    expect(after.some((e) => e.id.startsWith("eacscm."))).toBe(true);
    expect(await cliUnder(`${root}outside/`)).toHaveLength(1);

    const again = await send<{ error: { code: string } }>("POST", `${base}/plans/${plan.body.id}/apply`, {});
    expect(again.status).toBe(409);
    const events = await auditRecords({ action: "plan.apply", target: plan.body.id });
    expect(events[0]?.after).toMatchObject({ sourceRevision: "abc123" });
    const inverse = await send<Plan>("GET", `${base}/plans/${applied.body.inversePlanId}`);
    expect(inverse.body.summary).toMatchObject({ create: 2, update: 1, delete: 1 });
    expect(inverse.body.inverseOf).toBe(plan.body.id);
  });

  it("answers 409 naming the entry when the CLI changed it after planning, and changes nothing", async () => {
    const target = (await cliUnder(prefix)).find((e) => !e.id.startsWith("eacscm.") && e.id !== newId && !e.hint)!;
    const exported = await send<string>("GET", `${base}/entries/export?ids=${target.id}`);
    const text = exported.body
      .replace(new RegExp(`(- id: ${target.id}\\n)`), `$1      hint: from-the-plan\n`)
      .replace(
        /^ {2}entries:\n/m,
        `  entries:\n    - id: ${newId}-2\n      spiffeId: ${prefix}new-2\n      parentId: ${AGENT}\n      selectors: [{ type: unix, value: "uid:778" }]\n`,
      );
    const plan = await planText(text);
    expect(plan.body.summary).toMatchObject({ create: 1, update: 1 });
    const selectors = target.selectors.flatMap((s) => ["-selector", `${s.type}:${s.value}`]);
    await spireServer(
      "foo",
      ["entry", "update", "-entryID", target.id, "-spiffeID", `${prefix}svc-edited`, "-parentID", AGENT, ...selectors],
      stackState(),
    );
    const edited = await cliById(target.id);
    const applied = await send<{ error: { code: string; details: { path: string }[] } }>(
      "POST",
      `${base}/plans/${plan.body.id}/apply`,
      {},
    );
    expect(applied.status).toBe(409);
    expect(applied.body.error.details.map((d) => d.path)).toEqual([target.id]);
    expect(await cliById(`${newId}-2`)).toBeNull();
    expect((await cliById(target.id))?.revision_number).toBe(edited?.revision_number);
  });
});

describe("the applying principal's write scope", () => {
  it("refuses the whole plan (403) when one row is outside an editor's scope, and creates nothing", async () => {
    const mine = `${root}scoped/`;
    const token = await createToken(`eac-editor-${run}`, [
      { role: "editor", spiffeIdPrefixes: [mine], parentIdPrefixes: [AGENT], selectorPrefixes: ["unix:uid"] },
    ]);
    const row = (path: string, uid: number) =>
      `    - spiffeId: ${path}\n      parentId: ${AGENT}\n      selectors: [{ type: unix, value: "uid:${uid}" }]\n`;
    const text = `apiVersion: spire-console/v1\nkind: EntrySet\nmetadata: { name: scoped }\nspec:\n  entries:\n${row(
      `${mine}ok`,
      901,
    )}${row(`${root}elsewhere/not-mine`, 902)}`;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const planned = await consoleFetch(`${base}/plans`, { method: "POST", headers, body: JSON.stringify({ text }) });
    const plan = (await planned.json()) as Plan;
    expect(planned.status, JSON.stringify(plan)).toBe(201);
    expect(plan.summary.create).toBe(2);
    const applied = await consoleFetch(`${base}/plans/${plan.id}/apply`, { method: "POST", headers, body: "{}" });
    expect(applied.status).toBe(403);
    expect(await cliUnder(mine)).toEqual([]);
    expect(await cliUnder(`${root}elsewhere/`)).toEqual([]);
  });
});

describe("the spire-console CLI against the running console", () => {
  const prefix = `${root}cli/`;
  beforeAll(async () => {
    await cliCreate(Array.from({ length: 3 }, (_, i) => seedRow(prefix, i * 10 + 3)));
    await refreshIndex();
  }, 60_000);

  it("exits 0 without changes, 2 with changes, 1 on a bad file; apply changes what it printed", async () => {
    const exported = await runCli(["export", "--spiffe-id-prefix", prefix, "--format", "spire-data"]);
    expect(exported.code, exported.err).toBe(0);
    const same = tempFile("same.json", exported.out);
    expect((await runCli(["plan", same, "--detailed-exitcode"])).code).toBe(0);

    const changed = tempFile(
      "changed.json",
      exported.out.replace(/"spiffe_id": "([^"]+svc-3)"/, '"hint": "via-cli",\n      "spiffe_id": "$1"'),
    );
    const planned = await runCli(["plan", changed, "--detailed-exitcode"]);
    expect(planned.code, planned.err).toBe(2);
    expect(planned.out).toContain("0 to add, 1 to change, 0 to delete");
    expect(planned.out).toContain("hint:  -> via-cli");
    const json = await runCli(["plan", changed, "--json"]);
    expect((JSON.parse(json.out) as Plan).summary.update).toBe(1);

    expect((await runCli(["plan", tempFile("bad.yaml", "kind: Pod\n"), "--detailed-exitcode"])).code).toBe(1);
    expect((await runCli(["plan", same], { SPIRE_CONSOLE_TOKEN: "nope" })).code).toBe(1);

    const applied = await runCli(["apply", changed, "--source-revision", "deadbeef"]);
    expect(applied.code, applied.err + applied.out).toBe(0);
    expect((await cliUnder(`${prefix}svc-3`)).map((e) => e.hint)).toEqual(["via-cli"]);
    expect((await runCli(["plan", changed, "--detailed-exitcode"])).code).toBe(0);
  });
});
