import { nestProblems } from "@/lib/kubernetes/group-problems";
import type { KubernetesProblem } from "@/lib/kubernetes/problems";
import { links } from "@/lib/links";
import type { AgentIssue } from "@/lib/troubleshoot/diagnose-agents";

import type { Problem } from "./build-problems";

/**
 * The Kubernetes page's problems for the Overview, each linking to its entry on that page: a root
 * cause once, with the problems it causes (`causeId`, see groupProblems) as its symptoms.
 */
export function kubernetesProblems(
  problems: readonly KubernetesProblem[],
  server: string,
  at?: { cluster: string; deployment: string },
): Problem[] {
  const href = (p: KubernetesProblem) => `${links.kubernetes(undefined, at)}#${kubernetesProblemAnchor(p.id)}`;
  return nestProblems(problems).map(({ cause, symptoms }) => ({
    severity: symptoms.some((s) => s.severity === "error") ? "error" : cause.severity,
    source: "kubernetes",
    server,
    title: cause.title,
    detail: cause.detail,
    fix: cause.fix,
    href: href(cause),
    ...(at ? { where: `cluster ${at.cluster} · deployment ${at.deployment}` } : {}),
    ...(symptoms.length
      ? { symptoms: symptoms.map((s) => ({ severity: s.severity, title: s.title, href: href(s) })) }
      : {}),
  }));
}

/** The element id of a problem on the Kubernetes page (ids like `csi-crashloop:demo-node-2`). */
export function kubernetesProblemAnchor(id: string): string {
  return `problem-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

const issueSeverity: Record<AgentIssue["kind"], Problem["severity"]> = {
  "node-without-agent": "error",
  "agent-expired": "error",
  "cluster-mismatch": "error",
  "agent-node-gone": "warning",
  "agent-banned": "warning",
};

const issueTitle: Record<AgentIssue["kind"], (subject: string) => string> = {
  "node-without-agent": (s) => `Node ${s} has no SPIRE agent`,
  "agent-expired": (s) => `Agent ${s} has an expired SVID`,
  "cluster-mismatch": (s) => `Entries use ${s}, which no agent attests with`,
  "agent-node-gone": (s) => `Agent ${s} belongs to a node that is gone`,
  "agent-banned": (s) => `Agent ${s} is banned`,
};

/** The troubleshooter's attestation findings for the Overview, linking to the agent or the troubleshooter. */
export function attestationProblems(issues: readonly AgentIssue[], server: string): Problem[] {
  return issues.map((issue) => ({
    severity: issueSeverity[issue.kind],
    source: "attestation",
    server,
    title: issueTitle[issue.kind](issue.subject),
    detail: issue.detail,
    fix: issue.fix,
    href: issue.subject.startsWith("spiffe://")
      ? links.agent(server, issue.subject)
      : issue.kind === "cluster-mismatch"
        ? links.entries(server, { view: "table", selector: issue.subject })
        : `${links.troubleshoot({ server })}#agent-attestation`,
  }));
}
