import type { K8sNamespace, K8sPodTemplate } from "@/lib/k8s/types";

import type { KubernetesProblem } from "./problems";

export type PodSecurityLevel = "privileged" | "baseline" | "restricted";

export type PodSecurityCheck = {
  namespace: string;
  /** The namespace's enforce label, or null when unset (the cluster default applies, privileged unless configured). */
  enforce: PodSecurityLevel | null;
  components: string[];
  /** What baseline forbids in those pods. */
  needsPrivilegedBecause: string[];
  blocked: boolean;
};

const ENFORCE = "pod-security.kubernetes.io/enforce";

/** Why a pod template needs the `privileged` Pod Security level (empty when baseline allows it). */
export function privilegedReasons(template: K8sPodTemplate): string[] {
  const reasons: string[] = [];
  const hostNamespaces = [
    template.hostNetwork && "hostNetwork",
    template.hostPID && "hostPID",
    template.hostIPC && "hostIPC",
  ].filter(Boolean);
  if (hostNamespaces.length) reasons.push(`host namespaces (${hostNamespaces.join(", ")})`);
  if (template.privilegedContainers.length)
    reasons.push(`privileged container(s) ${template.privilegedContainers.join(", ")}`);
  if (template.hostPaths.length)
    reasons.push(`hostPath volume(s) ${template.hostPaths.map((h) => h.volume).join(", ")}`);
  return reasons;
}

/**
 * For each namespace that runs SPIRE agents or the CSI driver: would its PodSecurity `enforce`
 * level admit their pods? Both need `privileged` (hostPath; the driver also privileged mode).
 */
export function checkPodSecurity(
  namespaces: readonly K8sNamespace[],
  installs: readonly { namespace: string; component: string; template: K8sPodTemplate }[],
): { checks: PodSecurityCheck[]; problems: KubernetesProblem[] } {
  const byNamespace = new Map<string, { components: string[]; reasons: Set<string> }>();
  for (const install of installs) {
    const entry = byNamespace.get(install.namespace) ?? { components: [], reasons: new Set<string>() };
    entry.components.push(install.component);
    for (const reason of privilegedReasons(install.template)) entry.reasons.add(`${install.component}: ${reason}`);
    byNamespace.set(install.namespace, entry);
  }
  const checks: PodSecurityCheck[] = [];
  const problems: KubernetesProblem[] = [];
  for (const [namespace, entry] of byNamespace) {
    const label = namespaces.find((n) => n.name === namespace)?.labels[ENFORCE];
    const enforce = label === "privileged" || label === "baseline" || label === "restricted" ? label : null;
    const needsPrivilegedBecause = [...entry.reasons];
    const blocked = needsPrivilegedBecause.length > 0 && (enforce === "baseline" || enforce === "restricted");
    checks.push({ namespace, enforce, components: entry.components, needsPrivilegedBecause, blocked });
    if (blocked) {
      problems.push({
        id: `pod-security:${namespace}`,
        namespace,
        severity: "error",
        area: "pod-security",
        title: `PodSecurity "${enforce}" in namespace ${namespace} blocks ${entry.components.join(" and ")}`,
        detail: `The namespace enforces ${enforce}, but the pods need privileged for ${needsPrivilegedBecause.join("; ")}. The API server refuses to create them.`,
        fix: `kubectl label namespace ${namespace} ${ENFORCE}=privileged --overwrite (only SPIRE's own components should run in it).`,
      });
    }
  }
  return { checks, problems };
}
