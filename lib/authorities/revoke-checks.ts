import type { AuthorityState } from "@/lib/spire/types";

import { describeEvent, secondsSince, spell } from "./copy-checks";
import type { Check, RotationFacts } from "./rotation-types";
import { AGENT_TAINT_REACTION_SECONDS, SERVER_SVID_ROTATOR_SECONDS } from "./timings";

/** Agents still holding the SVID they had when the console activated (so signed by the old authority). */
function agentsCheck(facts: RotationFacts): Check {
  const base = {
    id: "agents-rotated",
    label: "Every agent has replaced its SVID since the activation",
    required: true,
  };
  const snapshot = facts.agentsAtActivation;
  if (!snapshot || !facts.agentsNow) {
    return {
      ...base,
      state: "unknown",
      detail:
        "The activation and the taint were not done through this console, so it cannot tell which agents still hold " +
        "an SVID from the old authority. Revoke with `spire-server localauthority x509 revoke` once you have checked.",
    };
  }
  const when = facts.agentSnapshotSource === "taint" ? "the taint" : "the activation";
  const stale = facts.agentsNow.filter(
    (a) =>
      !a.banned && snapshot[a.spiffeId] === a.serial && (a.expiresAt === null || Date.parse(a.expiresAt) > facts.now),
  );
  const total = facts.agentsNow.filter((a) => !a.banned).length;
  if (stale.length === 0) {
    return { ...base, state: "ok", detail: `All ${total} agents hold an SVID issued after ${when}.` };
  }
  const names = stale
    .slice(0, 5)
    .map((a) => a.spiffeId)
    .join(", ");
  const since = secondsSince(facts.tainted, facts.now);
  const wait =
    since !== null && since < AGENT_TAINT_REACTION_SECONDS ? AGENT_TAINT_REACTION_SECONDS - since : undefined;
  return {
    ...base,
    state: "fail",
    detail:
      `${stale.length} of ${total} agents still hold the SVID they had at ${when}: ${names}${stale.length > 5 ? ", …" : ""}. ` +
      `Agents replace SVIDs from a tainted authority on their next sync and rotation (about ${AGENT_TAINT_REACTION_SECONDS} s); ` +
      "an agent that stays behind is offline: evict it or wait for it.",
    ...(wait ? { waitSeconds: Math.ceil(wait) } : {}),
  };
}

/** The server's own SVID must no longer chain to the old authority (Debug API, local socket only). */
function serverSvidCheck(facts: RotationFacts, old: AuthorityState): Check {
  const base = { id: "server-svid", label: "The server's own SVID is signed by the new authority" };
  if (!facts.serverSvidSignerExpiresAt) {
    return { ...base, required: false, state: "unknown", detail: facts.serverSvidReason ?? "Not visible." };
  }
  const same =
    old.expiresAt && Math.abs(Date.parse(facts.serverSvidSignerExpiresAt) - Date.parse(old.expiresAt)) < 1000;
  return same
    ? {
        ...base,
        required: true,
        state: "fail",
        detail: `It still chains to ${old.authorityId}; the server re-signs it within ${SERVER_SVID_ROTATOR_SECONDS} s of the taint.`,
        waitSeconds: SERVER_SVID_ROTATOR_SECONDS,
      }
    : { ...base, required: true, state: "ok", detail: "Its chain no longer leads to the old authority." };
}

/** The console's own SVIDs from this trust domain must not be signed by the old authority. */
function consoleSvidCheck(facts: RotationFacts, old: AuthorityState): Check | null {
  const signers = facts.consoleSvidSigners;
  if (!signers || signers.length === 0) return null;
  const stale = signers.filter((s) => s.signerId === old.authorityId);
  return {
    id: "console-svid",
    label: "The console's own SVID is signed by the new authority",
    required: true,
    state: stale.length ? "fail" : "ok",
    detail: stale.length
      ? `${stale.map((s) => s.spiffeId).join(", ")} is still signed by ${old.authorityId}; its agent replaces it after the taint.`
      : `${signers.map((s) => s.spiffeId).join(", ")}: signed by ${signers.map((s) => s.signerId ?? "?").join(", ")}.`,
  };
}

/** JWT and WIT: agents drop the tokens the tainted key signed on their next sync. */
function keyTaintCheck(facts: RotationFacts): Check {
  const since = secondsSince(facts.tainted, facts.now);
  const base = { id: "taint-propagated", label: "Agents have seen the taint" };
  if (since === null) {
    return {
      ...base,
      required: false,
      state: "unknown",
      detail: `${describeEvent("Tainted", facts.tainted, facts.now)}; agents drop cached tokens signed by it on their next sync.`,
    };
  }
  const ok = since >= AGENT_TAINT_REACTION_SECONDS;
  return {
    ...base,
    required: true,
    state: ok ? "ok" : "fail",
    detail: `Tainted ${spell(since)} ago; agents drop cached tokens signed by it within ${AGENT_TAINT_REACTION_SECONDS} s.`,
    ...(ok ? {} : { waitSeconds: Math.ceil(AGENT_TAINT_REACTION_SECONDS - since) }),
  };
}

/** What must hold before the old authority is removed from the bundle, beyond its being tainted. */
export function revokeEvidence(facts: RotationFacts, old: AuthorityState): Check[] {
  if (facts.kind !== "x509") {
    return [
      keyTaintCheck(facts),
      {
        id: "issued-tokens",
        label: "Tokens already handed out",
        required: false,
        state: "unknown",
        detail:
          "Tokens signed by the old key before the taint stay valid until they expire (default_jwt_svid_ttl, 5 min " +
          "unless set); after the revoke, validators reject them.",
      },
    ];
  }
  const checks = [agentsCheck(facts), serverSvidCheck(facts, old)];
  const own = consoleSvidCheck(facts, old);
  return own ? [...checks, own] : checks;
}
