import type { ExpiryKind, Urgency } from "@/lib/expiry/classify-expiry";

/** Colours of the urgency classes (SVG fill and badge tone). */
export const urgencyColor: Record<Urgency, string> = {
  expired: "#7f1d1d",
  critical: "#dc2626",
  warning: "#d97706",
  ok: "#059669",
};
export const urgencyTone: Record<Urgency, "bad" | "warn" | "good"> = {
  expired: "bad",
  critical: "bad",
  warning: "warn",
  ok: "good",
};

/** What each kind of item is called in lists. */
export const kindLabel: Record<ExpiryKind, string> = {
  "x509-authority": "X.509 CA",
  "jwt-authority": "JWT key",
  "federated-ca": "federated CA",
  "agent-svid": "agent SVID",
  entry: "entry",
};
