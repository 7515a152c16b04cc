import { afterAll, describe, expect, it } from "vitest";

import { apiGet, consoleFetch, stackUp } from "../support/api";
import { auditRecords } from "../support/audit";
import { createToken } from "../support/auth";
import {
  cliAuthorities,
  cliBundle,
  fetchWorkloadSvids,
  publishBundleConfigMap,
  rotationView,
  runStep,
  stepOf,
  waitUntilAllowed,
  waitUntilOnlyConfigMapBlocks,
} from "../support/rotation";

// Rotating foo's authorities changes what every later test relies on (the console's mTLS to bar
// trusts foo's CA through bar's copy of foo's bundle). The cockpit's preconditions are what keep it
// working: bar must hold the new CA before the old one is tainted and revoked. Waits come from
// SPIRE's own timings (agents sync every 5 s), so a rotation takes well under a minute.
// Afterwards `stack:up` re-exports foo's bundle for agents that bootstrap later and republishes it
// in the spire-bundle ConfigMap (the stack has no notifier plugin doing that).
afterAll(() => stackUp(), 60_000);

/** Calls to bar, back to back, for as long as `during` runs: every one must answer 200. */
async function keepCallingBar<T>(during: () => Promise<T>): Promise<{ result: T; calls: number; failures: string[] }> {
  const failures: string[] = [];
  let calls = 0;
  let stop = false;
  const load = (async () => {
    while (!stop) {
      const res = await apiGet<{ error?: { message: string } }>("/api/servers/bar/entries?pageSize=2");
      calls += 1;
      if (res.status !== 200) failures.push(`${res.status} ${res.body.error?.message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  try {
    return { result: await during(), calls, failures };
  } finally {
    stop = true;
    await load;
  }
}

async function refreshBarsCopy(): Promise<void> {
  const res = await consoleFetch("/api/servers/bar/federations/foo.example.com/refresh", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  expect(res.status).toBe(204);
}

describe("CA rotation cockpit", () => {
  it("rotates foo's X.509 authority step by step, each step witnessed by the CLI, while calls to bar keep working", async () => {
    const start = await rotationView("x509");
    expect(["idle", "revoked"]).toContain(start.phase);
    const original = start.slots.active!.authorityId;
    expect((await cliAuthorities("x509")).active?.authority_id).toBe(original);
    // The watched spire-bundle ConfigMap holds the bundle as it is now: the original CA only.
    const originalPem = await publishBundleConfigMap();
    const configMapRow = (await rotationView("x509")).copies.find((c) => c.kind === "configmap")!;
    expect(configMapRow.authorities!.map((a) => a.id)).toEqual([original]);

    const {
      result: rotated,
      calls,
      failures,
    } = await keepCallingBar(async () => {
      // 1. prepare: a new CA in the prepared slot and in foo's bundle at once.
      const prepare = await runStep("x509", "prepare", null);
      expect(prepare.status, JSON.stringify(prepare.body)).toBe(200);
      const fresh = prepare.body.authority!.authorityId;
      expect((await cliAuthorities("x509")).prepared?.authority_id).toBe(fresh);
      expect((await cliBundle("x509")).map((a) => a.id)).toEqual(expect.arrayContaining([original, fresh]));

      // A step whose precondition fails is refused with the reason, and SPIRE is not called.
      const early = await runStep("x509", "activate", fresh);
      expect(early.status).toBe(412);
      expect(early.body.error!.message).toMatch(/Agents have fetched it|bar\.example\.com \(server bar\) holds/);
      expect(early.body.error!.message).toMatch(
        /ConfigMap spire\/spire-bundle \(cluster [^)]+\) holds the prepared authority: Holds it: no .*k8sbundle notifier/,
      );
      expect((await cliAuthorities("x509")).active?.authority_id).toBe(original);
      const revokeEarly = await runStep("x509", "revoke", null);
      expect(revokeEarly.status).toBe(412);

      // bar holds it only after it refreshes foo's bundle; until then activate waits for it.
      const view = await rotationView("x509");
      const barCopy = view.copies.find((c) => c.server === "bar")!;
      const barHolds = (await cliBundle("x509", "bar", "foo.example.com")).some((a) => a.id === fresh);
      expect(barCopy.authorities!.some((a) => a.id === fresh)).toBe(barHolds);
      await refreshBarsCopy();
      expect((await cliBundle("x509", "bar", "foo.example.com")).map((a) => a.id)).toContain(fresh);

      // Once agents and bar hold it, the ConfigMap that lacks it still blocks the activation (412, its reason).
      const blocking = await waitUntilOnlyConfigMapBlocks("x509", "activate", 30_000);
      expect(blocking.detail).toMatch(new RegExp(`Holds it: no — it holds ${original}\\.`));
      const refused = await runStep("x509", "activate", fresh);
      expect(refused.status).toBe(412);
      expect(refused.body.error!.message).toContain(blocking.label);
      expect((await cliAuthorities("x509")).active?.authority_id).toBe(original);

      // 2. activate, once agents have had two sync rounds, bar and the ConfigMap hold the new CA.
      await publishBundleConfigMap();
      await waitUntilAllowed("x509", "activate", 30_000);
      const activate = await runStep("x509", "activate", fresh);
      expect(activate.status, JSON.stringify(activate.body)).toBe(200);
      const afterActivate = await cliAuthorities("x509");
      expect([afterActivate.active?.authority_id, afterActivate.old?.authority_id]).toEqual([fresh, original]);

      // 3. taint the old one: the CLI's bundle marks it tainted; agents replace what it signed.
      await waitUntilAllowed("x509", "taint", 20_000);
      const taint = await runStep("x509", "taint", original);
      expect(taint.status, JSON.stringify(taint.body)).toBe(200);
      expect((await cliBundle("x509")).find((a) => a.id === original)?.tainted).toBe(true);

      // A ConfigMap that went back to the old CA alone (a stale publish) blocks the revoke: 412, its reason.
      await publishBundleConfigMap(originalPem);
      const stale = await waitUntilOnlyConfigMapBlocks("x509", "revoke", 45_000);
      expect(stale.label).toMatch(/^ConfigMap spire\/spire-bundle .* holds the active authority$/);
      const revokeRefused = await runStep("x509", "revoke", original);
      expect(revokeRefused.status).toBe(412);
      expect(revokeRefused.body.error!.message).toContain(stale.label);
      expect((await cliBundle("x509")).map((a) => a.id)).toContain(original);

      // 4. revoke, once every agent, the server's own SVID, the console's SVID come from the new CA and the
      // ConfigMap holds it again.
      await publishBundleConfigMap();
      const waited = Date.now();
      const ready = await waitUntilAllowed("x509", "revoke", 45_000);
      expect(stepOf(ready, "revoke").checks.find((c) => c.id === "agents-rotated")?.state).toBe("ok");
      const revoke = await runStep("x509", "revoke", original);
      expect(revoke.status, JSON.stringify(revoke.body)).toBe(200);
      return { fresh, original, waitedForRevokeMs: Date.now() - waited };
    });

    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(20);
    expect(rotated.waitedForRevokeMs).toBeLessThan(45_000);
    const end = await cliAuthorities("x509");
    expect(end.active?.authority_id).toBe(rotated.fresh);
    expect((await cliBundle("x509")).map((a) => a.id)).toEqual([rotated.fresh]);
    const finished = await rotationView("x509");
    expect(finished.phase).toBe("revoked");
    // Every step shows who did it (the run's admin token) and when; the history has the revoke.
    expect(finished.steps.map((s) => [s.id, s.done, Boolean(s.doneBy?.by), s.checks.length > 0])).toEqual(
      ["prepare", "activate", "taint", "revoke"].map((id) => [id, true, true, true]),
    );
    expect(finished.revoked?.source).toBe("console");

    // Workloads still get SVIDs: the console's own, from foo-agent-1, signed by the new CA only.
    // The agent drops the revoked CA from the bundle it serves at its next sync (every 5 s).
    const consoleSvid = async () =>
      (await fetchWorkloadSvids()).find((s) => s.spiffeId === "spiffe://foo.example.com/console");
    await expect
      .poll(consoleSvid, { timeout: 15_000, interval: 1_000 })
      .toMatchObject({ signer: rotated.fresh, bundle: [rotated.fresh] });
    const servers = await apiGet<{ servers: { name: string; healthy: boolean }[] }>("/api/servers");
    expect(servers.body.servers.map((s) => [s.name, s.healthy])).toEqual([
      ["foo", true],
      ["bar", true],
    ]);

    // One audit intent and one result per step, naming the authority.
    const records = (await auditRecords({ intents: "true", server: "foo" })).filter((r) =>
      r.action.startsWith("authority."),
    );
    for (const [action, id] of [
      ["authority.prepare", rotated.fresh],
      ["authority.activate", rotated.fresh],
      ["authority.taint", rotated.original],
      ["authority.revoke", rotated.original],
    ] as const) {
      const results = records.filter((r) => r.action === action && r.phase === "result" && r.target.id === id);
      expect(
        results.map((r) => r.outcome),
        action,
      ).toEqual(["ok"]);
      expect(records.filter((r) => r.id === results[0]!.intentId)).toHaveLength(1);
    }
  }, 180_000);

  it("rotates foo's JWT authority; bar's copy holds the new key before the old one is tainted", async () => {
    const start = await rotationView("jwt");
    expect(["idle", "revoked"]).toContain(start.phase);
    const original = start.slots.active!.authorityId;

    const prepare = await runStep("jwt", "prepare", null);
    expect(prepare.status, JSON.stringify(prepare.body)).toBe(200);
    const fresh = prepare.body.authority!.authorityId;
    expect((await cliAuthorities("jwt")).prepared?.authority_id).toBe(fresh);
    expect((await cliBundle("jwt")).map((a) => a.id)).toEqual(expect.arrayContaining([original, fresh]));
    const taintEarly = await runStep("jwt", "taint", null);
    expect(taintEarly.status).toBe(412);
    expect(taintEarly.body.error!.message).toMatch(/An old authority is in the bundle/);

    await refreshBarsCopy();
    expect((await cliBundle("jwt", "bar", "foo.example.com")).map((a) => a.id)).toContain(fresh);
    await waitUntilAllowed("jwt", "activate", 30_000);
    expect((await runStep("jwt", "activate", fresh)).status).toBe(200);
    expect(await cliAuthorities("jwt")).toMatchObject({
      active: { authority_id: fresh },
      old: { authority_id: original },
    });

    // The step acts on what the caller saw: a stale authority ID is a conflict, not a guess.
    expect((await runStep("jwt", "taint", fresh)).status).toBe(409);
    await waitUntilAllowed("jwt", "taint", 20_000);
    expect((await runStep("jwt", "taint", original)).status).toBe(200);
    expect((await cliBundle("jwt")).find((a) => a.id === original)?.tainted).toBe(true);

    await waitUntilAllowed("jwt", "revoke", 30_000);
    expect((await runStep("jwt", "revoke", original)).status).toBe(200);
    expect((await cliBundle("jwt")).map((a) => a.id)).toEqual([fresh]);
    expect((await cliAuthorities("jwt")).active?.authority_id).toBe(fresh);
  }, 120_000);

  it("lets only admins rotate, shows everyone the cockpit, and reports WIT as SPIRE 1.15 answers it", async () => {
    const operator = await createToken(`rotation-operator-${Date.now()}`, [{ role: "operator" }]);
    const denied = await runStep("x509", "prepare", null, operator);
    expect(denied.status).toBe(403);
    expect(denied.body.error!.message).toMatch(/operator role may not rotate signing authorities/);
    expect((await cliAuthorities("x509")).prepared).toBeUndefined();
    const viewer = await createToken(`rotation-viewer-${Date.now()}`, [{ role: "viewer" }]);
    const read = await consoleFetch("/api/servers/foo/authorities/rotation", {
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(read.status).toBe(200);
    const wit = ((await read.json()) as { wit: { supported: boolean; unsupported: string; steps: unknown[] } }).wit;
    expect(wit).toMatchObject({ supported: false, steps: [] });
    expect(wit.unsupported).toMatch(/WIT-SVID functionality is not yet implemented/);
  });
});
