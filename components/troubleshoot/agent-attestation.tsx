import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { AgentAttestationReport } from "@/lib/troubleshoot/load-agent-attestation";

import { CheckRow } from "./check-row";

const titles = {
  "node-without-agent": "Node with no attested agent",
  "agent-node-gone": "Agent whose node no longer exists",
  "agent-banned": "Banned agent",
  "agent-expired": "Agent SVID expired",
  "cluster-mismatch": "k8s_psat cluster name used by entries but by no agent",
} as const;

/** Why agents did not attest: the cluster/agent comparison and the server log's attestation errors. */
export function AgentAttestation({ report }: { report: AgentAttestationReport }) {
  return (
    <Card data-testid="agent-attestation" id="agent-attestation" className="scroll-mt-20">
      <CardHeader>
        <h2 className="text-base font-semibold">Agent attestation on {report.server}</h2>
      </CardHeader>
      <CardBody>
        <ul className="divide-y divide-slate-100">
          {report.clusterError ? (
            <CheckRow state="info" title="Kubernetes not available">
              {report.clusterError}
            </CheckRow>
          ) : null}
          {report.issues.length === 0 ? (
            <CheckRow state="pass" title="Every node has an attested agent, and every agent a node" />
          ) : null}
          {report.issues.map((i) => (
            <CheckRow
              key={`${i.kind}:${i.subject}`}
              state={i.kind === "agent-expired" ? "warn" : "fail"}
              title={`${titles[i.kind]}: ${i.subject}`}
              testId="agent-issue"
            >
              <p className="text-slate-600">{i.detail}</p>
              <p className="text-slate-600">
                <span className="font-medium">Fix:</span> {i.fix}
              </p>
            </CheckRow>
          ))}
          {report.log.available ? (
            <CheckRow
              state={report.log.errors.length ? "fail" : "pass"}
              title={`Attestation errors in ${report.log.pod}'s log (${report.log.errors.length})`}
            >
              <ul className="space-y-2">
                {report.log.errors.map((e, n) => (
                  <li key={n}>
                    <code className="block text-xs break-all">{e.line}</code>
                    <p>
                      {e.cause} <span className="font-medium">Fix:</span> {e.fix}
                    </p>
                  </li>
                ))}
              </ul>
            </CheckRow>
          ) : (
            <CheckRow state="info" title="The spire-server log is not available" testId="server-log-unavailable">
              <p className="text-slate-600">
                {report.log.reason} Attestation errors from the log cannot be shown; the checks above come from the
                cluster and the server&apos;s agent list. (Logs are served by each pod&apos;s kubelet; a cluster without
                kubelets, such as the local demo API server, has none.)
              </p>
            </CheckRow>
          )}
        </ul>
      </CardBody>
    </Card>
  );
}
