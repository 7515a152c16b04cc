import type { K8sLabelSelector } from "@/lib/k8s/types";

/** Why one requirement of a selector fails for `labels`, or null when it holds. */
function expressionProblem(
  labels: Record<string, string>,
  e: K8sLabelSelector["matchExpressions"][number],
): string | null {
  const has = Object.hasOwn(labels, e.key);
  const value = labels[e.key];
  switch (e.operator) {
    case "In":
      return has && e.values.includes(value!) ? null : `${e.key} in (${e.values.join(", ")})`;
    case "NotIn":
      return !has || !e.values.includes(value!) ? null : `${e.key} notin (${e.values.join(", ")})`;
    case "Exists":
      return has ? null : `${e.key} exists`;
    case "DoesNotExist":
      return has ? `!${e.key}` : null;
    default:
      return `unknown operator ${e.operator} on ${e.key}`;
  }
}

/**
 * Which requirements of a Kubernetes label selector `labels` fails (empty: it matches). A missing
 * selector matches everything, as spire-controller-manager treats an unset namespace or pod selector.
 */
export function selectorMisses(labels: Record<string, string>, selector: K8sLabelSelector | null): string[] {
  if (!selector) return [];
  const misses: string[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (labels[key] !== value) misses.push(`${key}=${value}`);
  }
  for (const expression of selector.matchExpressions) {
    const problem = expressionProblem(labels, expression);
    if (problem) misses.push(problem);
  }
  return misses;
}

/** The selector in kubectl's `-l` syntax ("" for everything). */
export function selectorText(selector: K8sLabelSelector | null): string {
  if (!selector) return "";
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions) {
    if (e.operator === "In") parts.push(`${e.key} in (${e.values.join(",")})`);
    else if (e.operator === "NotIn") parts.push(`${e.key} notin (${e.values.join(",")})`);
    else if (e.operator === "Exists") parts.push(e.key);
    else if (e.operator === "DoesNotExist") parts.push(`!${e.key}`);
  }
  return parts.join(",");
}
