// The no-identity page's API changes: one function per endpoint, typed with the loaders' answers.
import type { IdentitySuppression } from "@/lib/no-identity/suppression";
import type { SuppressionInput } from "@/lib/schemas/kubernetes";

import { fetchJson } from "./fetch-json";

/** POST /api/kubernetes/no-identity/suppressions: hides a namespace's or a label's pods of one cluster. */
export function createSuppression(body: SuppressionInput): Promise<IdentitySuppression> {
  return fetchJson<IdentitySuppression>("/api/kubernetes/no-identity/suppressions", { method: "POST", body });
}

/** DELETE /api/kubernetes/no-identity/suppressions/<id>: the rule's pods show again. */
export function deleteSuppression(id: string): Promise<{ deleted: IdentitySuppression }> {
  return fetchJson(`/api/kubernetes/no-identity/suppressions/${encodeURIComponent(id)}`, { method: "DELETE" });
}
