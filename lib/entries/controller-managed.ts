import type { Selector } from "@/lib/spire/types";

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** spire-controller-manager names entries `<entryIDPrefix>.<uuid>` when a prefix is configured. */
const prefixedId = new RegExp(`^[A-Za-z0-9_-]+\\.${uuid}$`, "i");
/** k8s_psat agent IDs: spiffe://<td>/spire/agent/k8s_psat/<cluster>/<node uid>. */
const psatAgent = /^spiffe:\/\/[^/]+\/spire\/agent\/k8s_psat\//;

type EntryLike = { id: string; parentId: string; selectors: Selector[] };

/**
 * Why an entry looks managed by spire-controller-manager (empty when it does not): such
 * entries are recreated or removed by the controller, so editing or deleting them by hand
 * does not last. Heuristics only: the controller does not mark its entries otherwise.
 */
export function controllerManagedReasons(entry: EntryLike): string[] {
  const reasons: string[] = [];
  if (prefixedId.test(entry.id)) {
    reasons.push(`Its ID ${entry.id} has the '<prefix>.<uuid>' form spire-controller-manager gives its entries.`);
  }
  const hasPodUid = entry.selectors.some((s) => s.type === "k8s" && s.value.startsWith("pod-uid:"));
  if (psatAgent.test(entry.parentId) && hasPodUid) {
    reasons.push(
      "It is parented to a k8s_psat agent and selects one pod by k8s:pod-uid, as spire-controller-manager does.",
    );
  }
  return reasons;
}
