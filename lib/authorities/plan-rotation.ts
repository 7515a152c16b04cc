import type { AuthorityKind, AuthorityState } from "@/lib/spire/types";

import { describeEvent, everyCopyHolds, secondsSince } from "./copy-checks";
import { revokeEvidence } from "./revoke-checks";
import type { Check, RotationFacts, RotationStep, RotationView, StepId } from "./rotation-types";
import { stepConsequence } from "./step-consequence";
import { AGENT_PROPAGATION_SECONDS, AGENT_SYNC_SECONDS } from "./timings";

const kindName: Record<AuthorityKind, string> = { x509: "X.509", jwt: "JWT", wit: "WIT" };
const signing: Record<AuthorityKind, string> = { x509: "X.509", jwt: "JWT", wit: "WIT" };

/** SPIRE's own description of each step: the CLI synopsis of `spire-server localauthority <kind> <step>`. */
function spireSays(kind: AuthorityKind, step: StepId): string {
  const what = kindName[kind];
  switch (step) {
    case "prepare":
      return kind === "x509"
        ? "Prepares a new X.509 authority for use by generating a new key and injecting the resulting CA certificate into the bundle"
        : `Prepares a new ${what} authority for use by generating a new key and injecting it into the bundle`;
    case "activate":
      return `Activates a prepared ${what} authority for use, which will cause it to be used for all ${signing[kind]} signing operations serviced by this server going forward`;
    case "taint":
      return `Marks the previously active ${what} authority as being tainted`;
    case "revoke":
      return `Revokes the previously active ${what} authority by removing it from the bundle and propagating this update throughout the cluster`;
  }
}

function command(kind: AuthorityKind, step: StepId, id: string | null): string {
  return `spire-server localauthority ${kind} ${step}${id ? ` -authorityID ${id}` : ""}`;
}

const phases = ["idle", "prepared", "activated", "tainted", "revoked"] as const;
const stepOrder: StepId[] = ["prepare", "activate", "taint", "revoke"];

/** Where the rotation stands: from the slots and whether the old authority is (still, tainted) in the bundle. */
export function rotationPhase(facts: RotationFacts): RotationView["phase"] {
  const slots = facts.slots;
  if (!slots) return "idle";
  if (slots.prepared) return "prepared";
  if (!slots.old) return "idle";
  const own = facts.copies.find((c) => c.kind === "server")?.authorities ?? [];
  const held = own.find((a) => a.id === slots.old!.authorityId);
  if (!held) return "revoked";
  return held.tainted ? "tainted" : "activated";
}

const check = (id: string, label: string, ok: boolean, detail: string, required = true): Check => ({
  id,
  label,
  required,
  state: ok ? "ok" : "fail",
  detail,
});

function upstreamCheck(facts: RotationFacts): Check | null {
  const upstream = facts.slots?.active?.upstreamAuthoritySubjectKeyId;
  if (facts.kind !== "x509" || !upstream) return null;
  return check(
    "upstream",
    "The server signs with its own CA",
    false,
    `Its X.509 authority is signed by the upstream authority ${upstream}: SPIRE refuses to taint or revoke a local ` +
      'authority then ("local authority can\'t be tainted if there is an upstream authority"); taint and revoke the upstream authority instead.',
  );
}

function prepareChecks(facts: RotationFacts, phase: RotationView["phase"]): Check[] {
  const { prepared, old } = facts.slots ?? { prepared: null, old: null };
  const pendingOld = old && (phase === "activated" || phase === "tainted");
  return [
    check(
      "no-prepared",
      "No authority is prepared yet",
      !prepared,
      prepared
        ? `${prepared.authorityId} is prepared: activate it. Preparing again would leave it in the bundle, trusted but never used, until it expires.`
        : "The next slot is free.",
    ),
    check(
      "no-pending-old",
      "The previous rotation is finished",
      !pendingOld,
      pendingOld
        ? `The old authority ${old.authorityId} is still in the bundle. Preparing resets its slot, and SPIRE could then no longer taint or revoke it: taint and revoke it first.`
        : old
          ? `The previous old authority ${old.authorityId} has been revoked.`
          : "There is no old authority.",
    ),
  ];
}

function activateChecks(facts: RotationFacts, prepared: AuthorityState | null): Check[] {
  if (!prepared) return [check("prepared", "An authority is prepared", false, "Prepare one first.")];
  const since = secondsSince(facts.prepared, facts.now);
  const published = describeEvent("Published", facts.prepared, facts.now);
  const agents: Check =
    since === null
      ? { id: "agents", label: "Agents have fetched it", required: true, state: "unknown", detail: `${published}.` }
      : {
          ...check(
            "agents",
            "Agents have fetched it",
            since >= AGENT_PROPAGATION_SECONDS,
            `${published}; agents fetch their bundle every ${AGENT_SYNC_SECONDS} s, so all have it ${AGENT_PROPAGATION_SECONDS} s after publication.`,
          ),
          ...(since < AGENT_PROPAGATION_SECONDS ? { waitSeconds: Math.ceil(AGENT_PROPAGATION_SECONDS - since) } : {}),
        };
  const copies = everyCopyHolds(
    facts.copies,
    prepared.authorityId,
    "the prepared authority",
    facts.prepared,
    facts.refreshHintSeconds,
    facts.now,
  );
  return [
    check("prepared", "An authority is prepared", true, `${prepared.authorityId} is prepared.`),
    agents,
    ...copies,
  ];
}

/** Every copy must hold the active authority before the old one is tainted or revoked. */
function activeHeldEverywhere(facts: RotationFacts, active: AuthorityState): Check[] {
  const { copies, prepared, refreshHintSeconds, now } = facts;
  return everyCopyHolds(copies, active.authorityId, "the active authority", prepared, refreshHintSeconds, now);
}

function taintChecks(facts: RotationFacts, phase: RotationView["phase"]): Check[] {
  const { active, old } = facts.slots ?? { active: null, old: null };
  const upstream = upstreamCheck(facts);
  const oldCheck = check(
    "old",
    "An old authority is in the bundle, not yet tainted",
    phase === "activated",
    !old
      ? "There is no old authority: activate a prepared one first."
      : phase === "activated"
        ? `${old.authorityId} was active until the activation (${describeEvent("activated", facts.activated, facts.now)}).`
        : phase === "tainted"
          ? `${old.authorityId} is already tainted.`
          : `${old.authorityId} is no longer in the bundle.`,
  );
  const copies = active ? activeHeldEverywhere(facts, active) : [];
  const note: Check = {
    id: "effect",
    label: "What follows",
    required: false,
    state: "ok",
    detail:
      facts.kind === "x509"
        ? "Every agent replaces the SVIDs the old authority signed at once (on its next sync, within about 11 s); anything that does not trust the active authority then fails."
        : "Agents drop the tokens the old key signed on their next sync and fetch new ones.",
  };
  return [oldCheck, ...(upstream ? [upstream] : []), ...copies, note];
}

function revokeChecks(facts: RotationFacts, phase: RotationView["phase"]): Check[] {
  const old = facts.slots?.old ?? null;
  const upstream = upstreamCheck(facts);
  const tainted = check(
    "tainted",
    "The old authority is tainted",
    phase === "tainted",
    !old
      ? "There is no old authority."
      : phase === "tainted"
        ? `${old.authorityId} is tainted (${describeEvent("tainted", facts.tainted, facts.now)}).`
        : phase === "revoked"
          ? `${old.authorityId} has been revoked already.`
          : `Taint ${old.authorityId} first, so everything it signed is replaced before it stops being trusted.`,
  );
  const evidence = old && phase === "tainted" ? revokeEvidence(facts, old) : [];
  const active = facts.slots?.active ?? null;
  const copies = active && phase === "tainted" ? activeHeldEverywhere(facts, active) : [];
  return [tainted, ...(upstream ? [upstream] : []), ...evidence, ...copies];
}

function step(
  facts: RotationFacts,
  id: StepId,
  authorityId: string | null,
  checks: Check[],
  done: boolean,
): RotationStep {
  return {
    id,
    title: `${id[0]!.toUpperCase()}${id.slice(1)}`,
    spireSays: spireSays(facts.kind, id),
    command: command(facts.kind, id, authorityId),
    authorityId,
    checks,
    allowed: facts.slots !== null && checks.every((c) => !c.required || c.state === "ok"),
    done,
    doneBy: done ? (facts.records[id] ?? null) : null,
    consequence: stepConsequence(facts, id, authorityId),
    typedConfirmation: id === "taint" || id === "revoke",
  };
}

/** The cockpit for one kind on one server: where the rotation stands and each step with its preconditions. */
export function planRotation(facts: RotationFacts): RotationView {
  const phase = rotationPhase(facts);
  const slots = facts.slots;
  const reached = phases.indexOf(phase);
  const done = (s: StepId) => reached > 0 && reached >= stepOrder.indexOf(s) + 1;
  const steps =
    slots === null
      ? []
      : [
          step(facts, "prepare", null, prepareChecks(facts, phase), done("prepare")),
          step(
            facts,
            "activate",
            slots.prepared?.authorityId ?? null,
            activateChecks(facts, slots.prepared),
            done("activate"),
          ),
          step(facts, "taint", slots.old?.authorityId ?? null, taintChecks(facts, phase), done("taint")),
          step(facts, "revoke", slots.old?.authorityId ?? null, revokeChecks(facts, phase), done("revoke")),
        ];
  return {
    server: facts.server,
    trustDomain: facts.trustDomain,
    kind: facts.kind,
    supported: slots !== null,
    unsupported: facts.unsupported,
    slots,
    upstream: Boolean(slots?.active?.upstreamAuthoritySubjectKeyId),
    copies: facts.copies,
    prepared: facts.prepared,
    activated: facts.activated,
    tainted: facts.tainted,
    revoked: facts.revoked,
    phase,
    steps,
    checkedAt: new Date(facts.now).toISOString(),
  };
}

/** Why a step may not run now (its failing required checks), or null when it may. */
export function refusal(view: RotationView, id: StepId): string | null {
  const found = view.steps.find((s) => s.id === id);
  if (!found) return view.unsupported ?? `This server gives no ${kindName[view.kind]} authority state.`;
  if (found.allowed) return null;
  const failing = found.checks.filter((c) => c.required && c.state !== "ok");
  return failing.map((c) => `${c.label}: ${c.detail}`).join(" ");
}

/** Seconds until the step's time-bound checks hold, when time alone is what it waits for. */
export function waitForStep(stepToRun: RotationStep): number | null {
  const failing = stepToRun.checks.filter((c) => c.required && c.state !== "ok");
  if (failing.length === 0 || failing.some((c) => c.waitSeconds === undefined)) return null;
  return Math.max(...failing.map((c) => c.waitSeconds ?? 0));
}
