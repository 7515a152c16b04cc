import type { ReactNode } from "react";

import { AgentAttestation } from "@/components/troubleshoot/agent-attestation";
import { DiagnosisChecklist } from "@/components/troubleshoot/diagnosis-checklist";
import { PodPicker } from "@/components/troubleshoot/pod-picker";
import { VerdictCard } from "@/components/troubleshoot/verdict-card";
import { Card, CardBody } from "@/components/ui/card";
import { links } from "@/lib/links";
import type { Diagnosis } from "@/lib/troubleshoot/diagnose-workload";
import { listPodChoices } from "@/lib/troubleshoot/list-pod-choices";
import { getAgentAttestation } from "@/lib/troubleshoot/load-agent-attestation";
import { diagnosePod, diagnoseSelectors, type PodDiagnosis } from "@/lib/troubleshoot/load-diagnosis";
import { loadSpireContext } from "@/lib/troubleshoot/load-spire-context";
import { parseSelector } from "@/lib/troubleshoot/match-entries";

import { loadPagePart, PartProblem } from "../_components/page-part";
import { openServerPage } from "../_components/server-page";
import { ContainerTabs } from "./_components/container-tabs";
import { SelectorForm } from "./_components/selector-form";

export const metadata = { title: "Troubleshoot" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;

export default async function TroubleshootPage({ searchParams }: { searchParams: Promise<Params> }) {
  const page = await openServerPage(searchParams, (s) => links.troubleshoot({ server: s }));
  if (!page.ok) return <Page>{page.view}</Page>;
  const { server, principal } = page;
  const attempt = <T,>(what: string, read: () => Promise<T>) => loadPagePart(principal, what, read);
  const sp = await searchParams;
  const one = (key: string) => (typeof sp[key] === "string" ? (sp[key] as string) : undefined);
  const namespace = one("namespace");
  const name = one("name");
  const selectorText = one("selectors") ?? "";
  const agentId = one("agentId") ?? "";
  const [pods, spire, agentsReport] = await Promise.all([
    attempt("listing the pods", listPodChoices),
    attempt(`reading ${server}`, () => loadSpireContext(server)),
    attempt("reading the agents", () => getAgentAttestation({ server })),
  ]);
  const pod =
    namespace && name
      ? await attempt("diagnosing the pod", () =>
          diagnosePod({ server, namespace, name, container: one("container"), cluster: one("cluster") }),
        )
      : null;
  const selectors = selectorText
    .split(/\r?\n|,/)
    .map((s) => parseSelector(s))
    .filter((s) => s !== null);
  const bySelectors =
    !pod && one("mode") === "selectors" && selectors.length && agentId
      ? await attempt("diagnosing the selectors", () => diagnoseSelectors({ server, selectors, agentId }))
      : null;
  const agentIds = spire.ok ? spire.data.agents.map((a) => a.spiffeId) : [];

  return (
    <Page>
      <p className="text-sm text-slate-600">
        Pick a pod to see why it does or does not get SVIDs from server <span className="font-medium">{server}</span>,
        or, without Kubernetes, enter the selectors a workload has and its agent.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardBody>
            {pods.ok ? (
              <PodPicker
                pods={pods.data}
                server={server}
                selected={
                  namespace && name ? `${namespace}/${name}${one("cluster") ? `@${one("cluster")}` : ""}` : null
                }
              />
            ) : (
              <p className="text-sm text-slate-600">Pods are not available: {pods.message}</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardBody>
            <SelectorForm server={server} agents={agentIds} selectors={selectorText} agentId={agentId} />
          </CardBody>
        </Card>
      </div>
      {pod ? (
        pod.ok ? (
          <PodResult result={pod.data} server={server} />
        ) : (
          <PartProblem title={`Cannot diagnose ${namespace}/${name}`} part={pod} />
        )
      ) : null}
      {bySelectors ? (
        bySelectors.ok ? (
          <Result d={bySelectors.data} imageNote={null} />
        ) : (
          <PartProblem title="Cannot diagnose these selectors" part={bySelectors} />
        )
      ) : null}
      <section aria-labelledby="ts-agents" className="space-y-3">
        <h2 id="ts-agents" className="text-base font-semibold">
          Why did an agent not attest?
        </h2>
        {agentsReport.ok ? (
          <AgentAttestation report={agentsReport.data} />
        ) : (
          <PartProblem title="Cannot read the agents" part={agentsReport} />
        )}
      </section>
    </Page>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Troubleshoot attestation</h1>
      {children}
    </div>
  );
}

function PodResult({ result, server }: { result: PodDiagnosis; server: string }) {
  return (
    <section aria-labelledby="ts-pod" className="space-y-3">
      <h2 id="ts-pod" className="text-base font-semibold">
        Pod {result.pod.namespace}/{result.pod.name} on {result.node.name ?? "no node"} (service account{" "}
        {result.pod.serviceAccount})
      </h2>
      <p className="text-sm text-slate-600" data-testid="ts-pod-cluster">
        Cluster <span className="font-medium">{result.cluster.name}</span>, deployment{" "}
        <span className="font-medium">{result.cluster.deployment}</span>, whose agents on this node attest to SPIRE
        server <span className="font-medium">{result.cluster.spireServer ?? "—"}</span>
        {result.cluster.spireServer && result.cluster.spireServer !== server
          ? ` (this diagnosis reads server ${server})`
          : ""}
        .
      </p>
      <ContainerTabs server={server} pod={result} />
      <Result d={result.diagnosis} imageNote={result.imageNote} />
    </section>
  );
}

function Result({ d, imageNote }: { d: Diagnosis; imageNote: string | null }) {
  return (
    <div className="space-y-4">
      <VerdictCard verdict={d.verdict} />
      <DiagnosisChecklist d={d} imageNote={imageNote} />
    </div>
  );
}
