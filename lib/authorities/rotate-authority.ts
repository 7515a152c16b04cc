import "server-only";

import { ApiError } from "@/lib/api/api-error";
import { audited } from "@/lib/audit/write-audit";
import { authorize } from "@/lib/auth/guard";
import type { ServerConfig } from "@/lib/config/schema";
import { listAllAgents } from "@/lib/spire/agents";
import { activateAuthority, prepareAuthority, revokeAuthority, taintAuthority } from "@/lib/spire/authorities";
import type { AuthorityKind, AuthorityState } from "@/lib/spire/types";

import { gatherRotationFacts } from "./load-rotation";
import { planRotation, refusal } from "./plan-rotation";
import { authorityTargetType, stepAction, type StepRecordAfter } from "./rotation-events";
import type { RotationView, StepId } from "./rotation-types";

/** What one step did, and the cockpit afterwards. */
export type StepOutcome = { step: StepId; authority: AuthorityState; view: RotationView };

function callStep(server: ServerConfig, kind: AuthorityKind, step: StepId, id: string): Promise<AuthorityState> {
  switch (step) {
    case "prepare":
      return prepareAuthority(server, kind);
    case "activate":
      return activateAuthority(server, kind, id);
    case "taint":
      return taintAuthority(server, kind, id);
    case "revoke":
      return revokeAuthority(server, kind, id);
  }
}

/**
 * Every agent's SVID serial now: after an X.509 activation (or taint), to tell later who has rotated.
 * The step has happened by then, so a failure here only costs that evidence (the revoke step says so).
 */
async function agentSerials(server: ServerConfig): Promise<Record<string, string> | undefined> {
  try {
    const agents = await listAllAgents(server);
    return Object.fromEntries(agents.map((a) => [a.spiffeId, a.x509SvidSerialNumber]));
  } catch (error) {
    console.error(`[authorities] could not list ${server.name}'s agents after the step`, error);
    return undefined;
  }
}

/**
 * Runs one rotation step after checking its preconditions against fresh facts: a step whose
 * required checks do not hold is refused with 412 and the reasons, and SPIRE is not called. `expected`
 * is the authority the caller saw (409 when it changed meanwhile). Audited with the slots before and
 * the authority after; after an X.509 activation or taint the record also keeps every agent's SVID
 * serial, which is how the revoke step later knows which agents still hold an SVID from the old CA.
 */
export async function runRotationStep(
  server: ServerConfig,
  kind: AuthorityKind,
  step: StepId,
  expected: string | null,
): Promise<StepOutcome> {
  await authorize("authorities.rotate", { server: server.name });
  const before = planRotation(await gatherRotationFacts(server, kind));
  const why = refusal(before, step);
  if (why)
    throw new ApiError("failed_precondition", `Cannot ${step} the ${kind} authority of ${server.name} now. ${why}`);
  const target = before.steps.find((s) => s.id === step)!.authorityId;
  if (expected !== null && target !== expected) {
    throw new ApiError(
      "conflict",
      `The ${step} step now acts on ${target ?? "no authority"}, not ${expected}: the authorities changed; reload.`,
    );
  }
  const change = {
    action: stepAction(step),
    server,
    target: { type: authorityTargetType(kind), id: target, spiffeId: null },
    before: before.slots,
  };
  const keepSerials = kind === "x509" && (step === "activate" || step === "taint");
  const result = await audited(
    change,
    async (): Promise<StepRecordAfter & { authority: AuthorityState }> => {
      const authority = await callStep(server, kind, step, target ?? "");
      return keepSerials ? { authority, agentSerials: await agentSerials(server) } : { authority };
    },
    (after) => ({ after, targetId: after.authority.authorityId }),
  );
  const view = planRotation(await gatherRotationFacts(server, kind));
  return { step, authority: result.authority, view };
}
