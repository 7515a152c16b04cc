import { describe, expect, it } from "vitest";

import type { AuthorityState } from "@/lib/spire/types";

import { planRotation, refusal, waitForStep } from "./plan-rotation";
import type { BundleCopy, HeldAuthority, RotationFacts, StepId } from "./rotation-types";

const NOW = Date.parse("2026-06-01T12:00:00Z");
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();
const A = "aaaa1111";
const B = "bbbb2222";
const slot = (id: string, upstream = ""): AuthorityState => ({
  authorityId: id,
  expiresAt: id === A ? "2026-06-08T00:00:00.000Z" : "2026-06-09T00:00:00.000Z",
  upstreamAuthoritySubjectKeyId: upstream,
});
const held = (id: string, tainted = false): HeldAuthority => ({ id, tainted, expiresAt: null, notBefore: null });
const copy = (
  kind: BundleCopy["kind"],
  authorities: HeldAuthority[] | null,
  server: string | null = "foo",
): BundleCopy => ({
  kind,
  label: `${kind} ${server ?? "unseen"}`,
  server,
  trustDomain: kind === "partner" ? "bar.example.com" : "foo.example.com",
  authorities,
  reason: authorities ? null : "not administered",
});

function facts(over: Partial<RotationFacts> = {}): RotationFacts {
  return {
    server: "foo",
    trustDomain: "foo.example.com",
    kind: "x509",
    now: NOW,
    slots: { active: slot(A), prepared: null, old: null },
    unsupported: null,
    copies: [copy("server", [held(A)]), copy("partner", [held(A)], "bar")],
    refreshHintSeconds: 300,
    prepared: null,
    activated: null,
    tainted: null,
    revoked: null,
    records: {},
    serverSvidSignerExpiresAt: slot(A).expiresAt,
    serverSvidReason: null,
    consoleSvidSigners: [],
    agentsAtActivation: null,
    agentSnapshotSource: null,
    agentsNow: null,
    ...over,
  };
}

const stepOf = (f: RotationFacts, id: StepId) => planRotation(f).steps.find((s) => s.id === id)!;
const failing = (f: RotationFacts, id: StepId) =>
  stepOf(f, id)
    .checks.filter((c) => c.required && c.state !== "ok")
    .map((c) => c.id);

/** B prepared `seconds` ago and held by the given copies. */
function prepared(seconds: number, partnerHolds: boolean): RotationFacts {
  return facts({
    slots: { active: slot(A), prepared: slot(B), old: null },
    copies: [copy("server", [held(A), held(B)]), copy("partner", partnerHolds ? [held(A), held(B)] : [held(A)], "bar")],
    prepared: { at: ago(seconds), source: "certificate" },
  });
}

/** B active, A old (tainted or not) still in the bundle. */
function rotated(over: Partial<RotationFacts> = {}, tainted = false): RotationFacts {
  return facts({
    slots: { active: slot(B), prepared: null, old: slot(A) },
    copies: [copy("server", [held(A, tainted), held(B)]), copy("partner", [held(A), held(B)], "bar")],
    prepared: { at: ago(600), source: "console" },
    activated: { at: ago(120), source: "console" },
    ...over,
  });
}

describe("planRotation", () => {
  it("allows only prepare when no rotation is under way", () => {
    const view = planRotation(facts());
    expect(view.phase).toBe("idle");
    expect(view.steps.map((s) => [s.id, s.allowed])).toEqual([
      ["prepare", true],
      ["activate", false],
      ["taint", false],
      ["revoke", false],
    ]);
    expect(view.steps[0]!.spireSays).toMatch(
      /^Prepares a new X.509 authority .* injecting the resulting CA certificate/,
    );
    expect(view.steps[0]!.command).toBe("spire-server localauthority x509 prepare");
  });

  it("refuses to activate until agents had two sync rounds and every partner holds the prepared authority", () => {
    const early = prepared(4, false);
    expect(failing(early, "activate")).toEqual(["agents", "holds:partner:bar"]);
    expect(refusal(planRotation(early), "activate")).toMatch(/Holds it: no — it holds aaaa1111/);
    const later = prepared(20, false);
    expect(failing(later, "activate")).toEqual(["holds:partner:bar"]);
    expect(waitForStep(stepOf(later, "activate"))).toBeNull();
    const ready = prepared(20, true);
    expect(stepOf(ready, "activate")).toMatchObject({ allowed: true, authorityId: B });
    expect(stepOf(ready, "activate").command).toBe(`spire-server localauthority x509 activate -authorityID ${B}`);
  });

  it("says how long time-bound preconditions still need", () => {
    expect(waitForStep(stepOf(prepared(4, true), "activate"))).toBe(7);
  });

  it("waits one refresh hint for partners the console cannot see", () => {
    const unseen = {
      ...prepared(120, true),
      copies: [copy("server", [held(A), held(B)]), copy("partner", null, null)],
    };
    expect(failing(unseen, "activate")).toEqual(["holds:partner:bar.example.com"]);
    expect(waitForStep(stepOf(unseen, "activate"))).toBe(180);
    expect(failing({ ...unseen, prepared: { at: ago(301), source: "console" } }, "activate")).toEqual([]);
  });

  it("refuses a second prepare while one is prepared, or while the old authority is still in the bundle", () => {
    expect(failing(prepared(20, true), "prepare")).toEqual(["no-prepared"]);
    expect(failing(rotated(), "prepare")).toEqual(["no-pending-old"]);
    const revoked = rotated({ copies: [copy("server", [held(B)]), copy("partner", [held(B)], "bar")] });
    expect(planRotation(revoked).phase).toBe("revoked");
    expect(failing(revoked, "prepare")).toEqual([]);
  });

  it("taints the old authority only when every copy holds the active one", () => {
    expect(stepOf(rotated(), "taint")).toMatchObject({ allowed: true, authorityId: A, typedConfirmation: true });
    const lagging = rotated({ copies: [copy("server", [held(A), held(B)]), copy("partner", [held(A)], "bar")] });
    expect(failing(lagging, "taint")).toEqual(["holds:partner:bar"]);
    expect(failing(rotated({}, true), "taint")).toEqual(["old"]);
  });

  it("refuses to taint or revoke a local authority under an upstream authority, as SPIRE would", () => {
    const upstream = rotated({ slots: { active: slot(B, "cafe"), prepared: null, old: slot(A, "cafe") } });
    expect(failing(upstream, "taint")).toEqual(["upstream"]);
  });

  it("revokes only after the taint, once every agent, the server and the console hold SVIDs from the new authority", () => {
    const agents = [
      { spiffeId: "spiffe://foo.example.com/agent/1", serial: "11", banned: false, expiresAt: ago(-3600) },
      { spiffeId: "spiffe://foo.example.com/agent/2", serial: "22", banned: false, expiresAt: ago(-3600) },
      { spiffeId: "spiffe://foo.example.com/agent/3", serial: "33", banned: true, expiresAt: ago(-3600) },
    ];
    const base = {
      tainted: { at: ago(3), source: "console" as const },
      agentsAtActivation: { [agents[0]!.spiffeId]: "10", [agents[1]!.spiffeId]: "22", [agents[2]!.spiffeId]: "33" },
      agentSnapshotSource: "activation" as const,
      agentsNow: agents,
      serverSvidSignerExpiresAt: slot(A).expiresAt,
      consoleSvidSigners: [{ spiffeId: "spiffe://foo.example.com/console", signerId: A }],
    };
    expect(failing(rotated(base), "revoke")).toEqual(["tainted"]);
    const waiting = rotated(base, true);
    expect(failing(waiting, "revoke")).toEqual(["agents-rotated", "server-svid", "console-svid"]);
    expect(refusal(planRotation(waiting), "revoke")).toMatch(/1 of 2 agents still hold .*agent\/2/);
    expect(waitForStep(stepOf(waiting, "revoke"))).toBeNull();
    const done = rotated(
      {
        ...base,
        agentsNow: agents.map((a) => ({ ...a, serial: `${a.serial}x` })),
        serverSvidSignerExpiresAt: slot(B).expiresAt,
        consoleSvidSigners: [{ spiffeId: "spiffe://foo.example.com/console", signerId: B }],
      },
      true,
    );
    expect(stepOf(done, "revoke")).toMatchObject({ allowed: true, authorityId: A });
  });

  it("does not revoke on a guess when the console saw neither the activation nor the taint", () => {
    const blind = rotated({ activated: null, agentsNow: null, serverSvidSignerExpiresAt: slot(B).expiresAt }, true);
    const check = stepOf(blind, "revoke").checks.find((c) => c.id === "agents-rotated");
    expect(check).toMatchObject({ state: "unknown", required: true });
    expect(stepOf(blind, "revoke").allowed).toBe(false);
  });

  it("revokes a JWT key once agents have had time to see the taint", () => {
    const jwt = (seconds: number) => rotated({ kind: "jwt", tainted: { at: ago(seconds), source: "console" } }, true);
    expect(failing(jwt(5), "revoke")).toEqual(["taint-propagated"]);
    expect(waitForStep(stepOf(jwt(5), "revoke"))).toBe(6);
    expect(stepOf(jwt(12), "revoke").allowed).toBe(true);
    expect(stepOf(jwt(12), "activate").spireSays).toMatch(/all JWT signing operations/);
  });

  it("blocks activate, taint and revoke while a bundle ConfigMap lacks the new authority, saying how SPIRE updates it", () => {
    const configMap = (ids: string[]): BundleCopy => ({
      kind: "configmap",
      label: "ConfigMap spire/spire-bundle (cluster demo)",
      server: null,
      trustDomain: "foo.example.com",
      authorities: ids.map((id) => held(id)),
      reason: null,
      updates: "SPIRE's k8sbundle notifier rewrites it when the bundle changes, usually within seconds.",
    });
    const id = "holds:configmap:ConfigMap spire/spire-bundle (cluster demo)";
    const early = prepared(20, true);
    const stale = { ...early, copies: [...early.copies, configMap([A])] };
    expect(failing(stale, "activate")).toEqual([id]);
    expect(refusal(planRotation(stale), "activate")).toMatch(
      /ConfigMap spire\/spire-bundle \(cluster demo\) holds the prepared authority: Holds it: no .*k8sbundle notifier/,
    );
    expect(stepOf({ ...early, copies: [...early.copies, configMap([A, B])] }, "activate").allowed).toBe(true);
    const lagging = rotated({ copies: [...rotated().copies, configMap([A])] });
    expect(failing(lagging, "taint")).toEqual([id]);
    const ready = {
      tainted: { at: ago(60), source: "console" as const },
      agentsAtActivation: {},
      agentSnapshotSource: "activation" as const,
      agentsNow: [],
      serverSvidSignerExpiresAt: slot(B).expiresAt,
    };
    const tainted = rotated(ready, true);
    const revokeStale = { ...tainted, copies: [...tainted.copies, configMap([A])] };
    expect(failing(revokeStale, "revoke")).toEqual([id]);
    expect(stepOf({ ...tainted, copies: [...tainted.copies, configMap([A, B])] }, "revoke").allowed).toBe(true);
    const missing = {
      ...tainted,
      copies: [...tainted.copies, { ...configMap([]), authorities: null, reason: "gone" }],
    };
    expect(stepOf(missing, "revoke").checks.find((c) => c.id === id)).toMatchObject({
      state: "unknown",
      detail: "gone",
    });
    expect(stepOf(missing, "revoke").allowed).toBe(false);
  });

  it("says who did a finished step and when, and what each step breaks for whom", () => {
    const by = { by: "alice", at: ago(120) };
    const view = planRotation(rotated({ records: { prepare: { by: "bob", at: ago(600) }, activate: by } }));
    expect(view.steps.map((s) => [s.id, s.done, s.doneBy?.by ?? null])).toEqual([
      ["prepare", true, "bob"],
      ["activate", true, "alice"],
      ["taint", false, null],
      ["revoke", false, null],
    ]);
    const revoke = view.steps.find((s) => s.id === "revoke")!;
    expect(revoke.consequence).toMatch(/aaaa1111 leaves foo.example.com's bundle.*rejected by .*partner bar/);
    expect(stepOf(prepared(20, true), "activate").consequence).toMatch(/lacks bbbb2222 rejects them/);
  });

  it("has no steps for a kind the server gives no state for", () => {
    const view = planRotation(
      facts({ kind: "wit", slots: null, unsupported: "WIT-SVID functionality is not yet implemented" }),
    );
    expect(view).toMatchObject({ supported: false, steps: [] });
    expect(refusal(view, "prepare")).toBe("WIT-SVID functionality is not yet implemented");
  });
});
