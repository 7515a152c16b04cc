import type { Agent } from "@/lib/spire/types";

import { classifyExpiry, type Urgency, type UrgencyThresholds, urgencyThresholds } from "./classify-expiry";

// SPIRE 1.15.3, pkg/common/rotationutil: an agent renews its X509-SVID once half its lifetime is left,
// jittered by ±10 % of that half (so by 45 % left at the latest), checking every 5 s. An agent with
// less than 40 % of the lifetime left has missed its renewal.
const OVERDUE_FRACTION = 0.4;

/**
 * The lifetime SPIRE gives this server's agent SVIDs (`agent_ttl`, one for every agent), as far as
 * the agents show it: the longest time left among the agents that still renew (not banned, not
 * expired) when they were read. It is never longer than the real lifetime, so a renewing agent is
 * never judged overdue by it. Null when no agent shows one.
 */
export function estimateAgentSvidLifetime(agents: readonly Agent[], readAt: number): number | null {
  let longest: number | null = null;
  for (const agent of agents) {
    if (agent.banned || !agent.x509SvidExpiresAt) continue;
    const left = Date.parse(agent.x509SvidExpiresAt) - readAt;
    if (left > 0 && (longest === null || left > longest)) longest = left;
  }
  return longest;
}

/** What the renewal judgement of one server's agents needs: their SVID lifetime and when they were read. */
export type AgentRenewalContext = { lifetimeMs: number | null; readAt: number };

/** The renewal context of a server's agents, read at `readAt` (epoch ms). */
export function agentRenewalContext(agents: readonly Agent[], readAt: number): AgentRenewalContext {
  return { lifetimeMs: estimateAgentSvidLifetime(agents, readAt), readAt };
}

/**
 * Whether the agent renews its SVID in time by itself: it had more than 40 % of the lifetime left
 * when read (SPIRE renews at half). A banned agent never renews, but its expiry is the ban working:
 * it is on track too (the fleet counts bans apart).
 */
export function agentRenewalOnTrack(agent: Agent, context: AgentRenewalContext): boolean {
  if (agent.banned) return true;
  if (!agent.x509SvidExpiresAt || context.lifetimeMs === null) return true;
  const left = Date.parse(agent.x509SvidExpiresAt) - context.readAt;
  return left > context.lifetimeMs * OVERDUE_FRACTION;
}

/**
 * How urgent an agent's SVID is, the one judgement for every page: expired once past its expiry;
 * otherwise urgent (critical within the critical threshold, a warning within the warning one) only
 * when the agent has not renewed by SPIRE's schedule; "ok" while it renews by itself (a healthy
 * 1-hour SVID is no risk). Null when the agent has no SVID expiry.
 */
export function agentSvidUrgency(
  agent: Agent,
  context: AgentRenewalContext,
  now: number,
  thresholds: UrgencyThresholds = urgencyThresholds,
): Urgency | null {
  const urgency = classifyExpiry(agent.x509SvidExpiresAt, now, thresholds);
  if (urgency === null || urgency === "expired") return urgency;
  return agentRenewalOnTrack(agent, context) ? "ok" : urgency;
}
