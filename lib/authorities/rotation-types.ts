import type { AuthorityKind, AuthoritySlots } from "@/lib/spire/types";

/** One authority as a copy of the server's bundle holds it. */
export type HeldAuthority = {
  /** Subject key ID (X.509) or key ID (JWT, WIT). */
  id: string;
  tainted: boolean;
  expiresAt: string | null;
  /** X.509 only: the CA certificate's notBefore (its issue time minus SPIRE's 10 s cushion). */
  notBefore: string | null;
};

/**
 * One copy of the server's trust bundle: the server's own, a federated partner's copy (a server
 * that federates with this trust domain), a Kubernetes ConfigMap SPIRE publishes it to, or the
 * bundle the console's own agent hands it.
 */
export type BundleCopy = {
  kind: "server" | "partner" | "configmap" | "console-agent";
  /** What the copy is, for people: "foo's own bundle", "bar.example.com (server bar)". */
  label: string;
  /** The console's name for the server holding the copy, when the console administers it. */
  server: string | null;
  /** The holder's trust domain (partners) or the server's own. */
  trustDomain: string;
  /** The authorities in the copy, or null when the console cannot see it (then `reason` says why). */
  authorities: HeldAuthority[] | null;
  reason: string | null;
  /** How SPIRE keeps this copy current and how long that usually takes (ConfigMaps). */
  updates?: string;
};

/** Who did a step through this console, and when. */
export type StepDone = { by: string | null; at: string };

/** When something happened and how the console knows it. */
export type EventTime = { at: string; source: "console" | "certificate" | "estimate" };

/** An agent and its current SVID serial, to tell which agents have rotated since a snapshot. */
export type AgentSerial = { spiffeId: string; serial: string; banned: boolean; expiresAt: string | null };

/** Everything the cockpit's preconditions are decided from, gathered at `now` (epoch ms). */
export type RotationFacts = {
  server: string;
  trustDomain: string;
  kind: AuthorityKind;
  now: number;
  /** Null when the server gives no state for this kind; `unsupported` says why. */
  slots: AuthoritySlots | null;
  unsupported: string | null;
  copies: BundleCopy[];
  /** Seconds between partners' refreshes of this bundle (the published refresh hint, or SPIRE's default). */
  refreshHintSeconds: number;
  prepared: EventTime | null;
  activated: EventTime | null;
  tainted: EventTime | null;
  revoked: EventTime | null;
  /** The console's records of this rotation's steps: who did each and when. */
  records: Partial<Record<StepId, StepDone>>;
  /** X.509: the authority that signed the server's own SVID (its root's expiry), or null when unseen. */
  serverSvidSignerExpiresAt: string | null;
  serverSvidReason: string | null;
  /** X.509: the authorities that signed the console's own SVIDs in this trust domain (empty: none held). */
  consoleSvidSigners: { spiffeId: string; signerId: string | null }[] | null;
  /** X.509: agents' SVID serials when the console activated (or tainted), and now. */
  agentsAtActivation: Record<string, string> | null;
  agentSnapshotSource: "activation" | "taint" | null;
  agentsNow: AgentSerial[] | null;
};

export type CheckState = "ok" | "fail" | "unknown";

/** One precondition of a step: whether it holds, why, and whether the step waits for it. */
export type Check = {
  id: string;
  label: string;
  state: CheckState;
  detail: string;
  /** Required checks must be `ok` for the step to be allowed; others only inform. */
  required: boolean;
  /** When the check holds by the passing of time: seconds until it does. */
  waitSeconds?: number;
};

export type StepId = "prepare" | "activate" | "taint" | "revoke";

export type RotationStep = {
  id: StepId;
  title: string;
  /** What SPIRE does, in its own words (the CLI's synopsis of `localauthority <kind> <step>`). */
  spireSays: string;
  /** The CLI command that does the same (the witness). */
  command: string;
  /** The authority the step acts on (null for prepare). */
  authorityId: string | null;
  checks: Check[];
  allowed: boolean;
  /** Already done in the current rotation. */
  done: boolean;
  /** Who did it and when, when it was done through this console. */
  doneBy: StepDone | null;
  /** What the step breaks and for whom: said in its confirmation. */
  consequence: string;
  /** Destructive steps ask for the authority ID to be typed. */
  typedConfirmation: boolean;
};

/** The cockpit for one kind of authority on one server. */
export type RotationView = {
  server: string;
  trustDomain: string;
  kind: AuthorityKind;
  supported: boolean;
  unsupported: string | null;
  slots: AuthoritySlots | null;
  upstream: boolean;
  copies: BundleCopy[];
  prepared: EventTime | null;
  activated: EventTime | null;
  tainted: EventTime | null;
  revoked: EventTime | null;
  /** Where the rotation stands. */
  phase: "idle" | "prepared" | "activated" | "tainted" | "revoked";
  steps: RotationStep[];
  checkedAt: string;
};
