import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SelectorChips } from "@/components/ui/selector-chips";
import type { Diagnosis } from "@/lib/troubleshoot/diagnose-workload";
import type { NearMiss } from "@/lib/troubleshoot/match-entries";

import { CheckRow } from "./check-row";
import { EntrySelectorTable } from "./entry-selector-table";

const missNote: Record<NearMiss["kind"], string> = {
  "stale-parent": "parented to the agent of a node that no longer exists",
  "other-agent": "parented to another node's agent",
  "alias-not-covering": "parented to a node alias that does not cover this agent",
  "parent-elsewhere": "parented to an ID that does not serve this workload",
  namespace: "namespace differs",
  "service-account": "service account differs",
  selectors: "selectors differ",
};

/** The readable checklist behind a verdict: selectors, agent, parents, entries, near misses, delivery. */
export function DiagnosisChecklist({ d, imageNote }: { d: Diagnosis; imageNote: string | null }) {
  const agent = d.agent.agent;
  return (
    <Card>
      <CardHeader>
        <h2 className="text-base font-semibold">Checklist</h2>
      </CardHeader>
      <CardBody>
        <ul className="divide-y divide-slate-100">
          <CheckRow
            state={imageNote ? "warn" : "info"}
            title={`Selectors the workload attestor produces (${d.selectors.length})`}
            testId="check-selectors"
          >
            <SelectorChips selectors={d.selectors} />
            <p className="text-xs text-slate-500">
              The attestor answers for the calling container. Image selectors (pod-image, container-image) come from the
              kubelet&apos;s status.containerStatuses[].image and imageID, not from the spec, so they change with how
              the kubelet reports the image.
            </p>
            {imageNote ? <p className="text-amber-800">{imageNote}</p> : null}
          </CheckRow>
          <CheckRow
            state={d.agent.state === "ok" ? "pass" : "fail"}
            title={
              agent
                ? `Agent ${agent.spiffeId}: ${d.agent.state === "ok" ? "attested" : d.agent.state}`
                : `No agent for ${d.agent.lookup}`
            }
            testId="check-agent"
          >
            {agent ? (
              <p className="text-slate-600">
                Found by {d.agent.lookup}; SVID expires {agent.x509SvidExpiresAt ?? "—"};{" "}
                {agent.banned ? "banned" : "not banned"}; {d.agent.canReattest ? "can re-attest" : "cannot re-attest"}.
              </p>
            ) : null}
          </CheckRow>
          <CheckRow
            state={d.parents.length ? "pass" : "fail"}
            title={`Parents that can serve it (${d.parents.length})`}
            testId="check-parents"
          >
            <ul className="font-mono text-xs break-all">
              {d.parents.map((p) => (
                <li key={p.spiffeId}>
                  {p.spiffeId}{" "}
                  <span className="font-sans text-slate-500">
                    ({p.kind === "agent" ? "the agent" : "node alias covering it"})
                  </span>
                </li>
              ))}
            </ul>
          </CheckRow>
          <CheckRow
            state={d.underParents.length ? "info" : "warn"}
            title={`Entries under those parents (${d.underParents.length})`}
            testId="check-entries"
          >
            <EntrySelectorTable server={d.server} caption="Entries under the serving parents" rows={d.underParents} />
          </CheckRow>
          <CheckRow
            state={d.matches.length ? "pass" : "fail"}
            title={`Matching entries (${d.matches.length})`}
            testId="check-matches"
          >
            {d.matches.map((m) => (
              <div key={m.entry.id} className="text-slate-700">
                <p className="font-mono text-xs break-all">{m.entry.spiffeId}</p>
                <p className="text-xs">
                  DNS names: {m.dnsNames.length ? m.dnsNames.join(", ") : "none"}; TTL:{" "}
                  {m.ttl ? m.ttl.explanation : "server default"}
                  {m.federation.length
                    ? `; federates with ${m.federation.map((f) => `${f.trustDomain} (${f.state === "ok" ? "bundle ok" : f.state === "missing" ? "no bundle" : "bundle expired"})`).join(", ")}`
                    : ""}
                </p>
              </div>
            ))}
          </CheckRow>
          <CheckRow
            state={d.nearMisses.length ? "warn" : "info"}
            title={`Near misses, closest first (${d.nearMisses.length})`}
            testId="check-near-misses"
          >
            <EntrySelectorTable
              server={d.server}
              caption="Near misses"
              rows={d.nearMisses.map((m) => ({ ...m, note: missNote[m.kind] }))}
            />
          </CheckRow>
          {d.delivery ? (
            <CheckRow
              state={d.delivery.issues.some((i) => i.blocking) ? "fail" : d.delivery.issues.length ? "warn" : "pass"}
              title="Delivery of the Workload API socket"
              testId="check-delivery"
            >
              <p className="text-slate-600">
                {d.delivery.via
                  ? `Mounted via ${d.delivery.via === "csi" ? "the CSI driver" : "a hostPath"} at ${d.delivery.mountPath}`
                  : "No Workload API mount"}
                ; SPIFFE_ENDPOINT_SOCKET {d.delivery.endpointSocket ?? "unset"}.
              </p>
              <ul className="list-disc pl-5">
                {d.delivery.issues.map((i) => (
                  <li key={i.code}>{i.title}</li>
                ))}
              </ul>
            </CheckRow>
          ) : null}
        </ul>
      </CardBody>
    </Card>
  );
}
