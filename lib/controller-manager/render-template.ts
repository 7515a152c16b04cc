/**
 * What spire-controller-manager hands its templates (pkg/spireentry: the pod's and node's
 * metadata and spec, the trust domain and cluster names), as far as the console reads them.
 */
export type TemplateData = {
  TrustDomain: string;
  ClusterName: string;
  ClusterDomain: string;
  PodMeta: { Name: string; Namespace: string; UID: string; Labels: Record<string, string> };
  PodSpec: { ServiceAccountName: string; NodeName: string };
  NodeMeta: { Name: string; UID: string; Labels: Record<string, string> };
};

export type Rendered = { value: string } | { error: string };

const ACTION = /\{\{-?\s*(.*?)\s*-?\}\}/g;

/** Walks `.A.B.C` through the data; a missing map key or field is an error (missingkey=error). */
function lookup(data: TemplateData, path: string): string | { error: string } {
  let node: unknown = data;
  const parts = path.split(".").filter(Boolean);
  for (const [i, part] of parts.entries()) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) {
      const where = `.${parts.slice(0, i).join(".")}`;
      return { error: `${where === "." ? "the data" : where} has no entry for key "${part}"` };
    }
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : { error: `.${parts.join(".")} is not a text value` };
}

/** Evaluates one action: `.Field.Path` or `index .Map "key"`. */
function evaluate(data: TemplateData, action: string): string | { error: string } {
  if (/^\.[A-Za-z0-9_.]*$/.test(action)) return lookup(data, action.slice(1));
  const index = /^index\s+(\.[A-Za-z0-9_.]+)\s+"([^"]*)"$/.exec(action);
  if (index) return lookup(data, `${index[1]!.slice(1)}.${index[2]}`);
  return { error: `the console cannot evaluate {{ ${action} }}` };
}

/**
 * Renders a spire-controller-manager template (`spiffe://{{ .TrustDomain }}/ns/{{ .PodMeta.Namespace }}`)
 * for one pod. Supports field paths and `index`; anything else, or a missing key, is a render failure.
 */
export function renderTemplate(template: string, data: TemplateData): Rendered {
  let failure: string | null = null;
  const value = template.replace(ACTION, (_match, action: string) => {
    const result = evaluate(data, action.trim());
    if (typeof result === "string") return result;
    failure ??= result.error;
    return "";
  });
  return failure ? { error: failure } : { value };
}

/** A pattern for what a template can render for any pod: each action matches one path segment. */
export function templatePattern(template: string): RegExp {
  const parts = template.split(ACTION);
  const escaped = parts.map((part, i) => (i % 2 === 1 ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^${escaped.join("")}$`);
}
