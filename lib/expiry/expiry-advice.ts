import type { ExpiryKind, Renewal, Urgency } from "./classify-expiry";

/** What is known about an item beyond its kind and urgency. */
export type AdviceContext = {
  /** Authorities: which slot (`spire-server localauthority x509|jwt show`). */
  slot?: "active" | "prepared" | "old";
  /** Authorities: whether a successor is prepared already. */
  successorPrepared?: boolean;
  /** Active authorities: when SPIRE prepares the successor (ISO), when known. */
  prepareAt?: string;
  /** Federated CAs: the foreign trust domain. */
  trustDomain?: string;
  /** Agent SVIDs: whether the agent may re-attest by itself. */
  canReattest?: boolean;
};

/** Who renews an item of this kind. Only an entry's own expiry (`-entryExpiry`) is never renewed. */
export function renewalOf(kind: ExpiryKind): Renewal {
  return kind === "entry" ? "operator" : "spire";
}

function authorityAdvice(name: string, command: string, urgency: Urgency, ctx: AdviceContext): string {
  if (ctx.slot === "old") return `Retired ${name}, kept in the bundle until it expires. Nothing to do.`;
  if (ctx.slot === "prepared") return `Prepared successor: SPIRE activates it by itself. Nothing to do.`;
  if (ctx.successorPrepared) return `SPIRE renews it by itself: the next ${name} is prepared and takes over in time.`;
  const base = `SPIRE prepares the next ${name} by itself at half this one's lifetime${ctx.prepareAt ? ` (${ctx.prepareAt})` : ""}.`;
  if (urgency === "ok") return `${base} Nothing to do.`;
  const overdue = ctx.prepareAt ? "That time has passed and none is prepared" : "None is prepared yet";
  return `${base} ${overdue}: read the server's log (KeyManager, UpstreamAuthority), or rotate now with \`spire-server localauthority ${command} prepare\` then \`activate\`.`;
}

function agentAdvice(urgency: Urgency, ctx: AdviceContext): string {
  const restart = ctx.canReattest
    ? "Restart the agent: it re-attests by itself."
    : "Restart it; if it cannot re-attest, evict it first.";
  if (urgency === "expired")
    return `Expired: the agent is down or cannot reach the server, and its workloads get no new SVIDs. ${restart}`;
  if (urgency === "ok") return "The agent renews its SVID by itself at half its lifetime. Nothing to do.";
  const late = "Not renewed: the agent should have renewed at half its SVID's lifetime and has not";
  return `${late}; it is down or cannot reach the server. ${restart}`;
}

/**
 * Whether SPIRE renews an item by itself and what the operator should do about it, in one or two
 * sentences. Pure: the loader supplies what it knows (slot, successor, trust domain).
 */
export function expiryAdvice(kind: ExpiryKind, urgency: Urgency, ctx: AdviceContext = {}): string {
  switch (kind) {
    case "x509-authority":
      return authorityAdvice("X.509 CA", "x509", urgency, ctx);
    case "jwt-authority":
      return authorityAdvice("JWT key", "jwt", urgency, ctx);
    case "federated-ca":
      return urgency === "expired"
        ? `Expired: workloads stop trusting ${ctx.trustDomain ?? "that trust domain"}. Check its bundle endpoint on the Federation page and refresh the bundle.`
        : `Renewed when ${ctx.trustDomain ?? "the other trust domain"} rotates its CA and this server refreshes the bundle (refresh hint).${urgency === "ok" ? " Nothing to do." : " If it stays this close, check the bundle endpoint and refresh now on the Federation page."}`;
    case "agent-svid":
      return agentAdvice(urgency, ctx);
    case "entry":
      return urgency === "expired"
        ? "Expired: SPIRE no longer issues SVIDs for this entry. Delete it, or recreate it if it is still needed."
        : "Not renewed: at this time SPIRE stops issuing SVIDs for the entry. Edit its expiry if it must live longer.";
  }
}
