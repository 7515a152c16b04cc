import type { ReactNode } from "react";

import { UnknownServer } from "@/components/servers/unknown-server";
import { AgentAttestation } from "@/components/troubleshoot/agent-attestation";
import { DiagnosisChecklist } from "@/components/troubleshoot/diagnosis-checklist";
import { PodPicker } from "@/components/troubleshoot/pod-picker";
import { VerdictCard } from "@/components/troubleshoot/verdict-card";
import { Card, CardBody } from "@/components/ui/card";
import { StatePanel } from "@/components/ui/state-panel";
import { ApiError } from "@/lib/api/api-error";
import { requirePage } from "@/lib/auth/guard";
import { links } from "@/lib/links";
import { pageServerChoice } from "@/lib/servers/resolve-server";
import type { Diagnosis } from "@/lib/troubleshoot/diagnose-workload";
import { listPodChoices } from "@/lib/troubleshoot/list-pod-choices";
import { getAgentAttestation } from "@/lib/troubleshoot/load-agent-attestation";
import { diagnosePod, diagnoseSelectors, type PodDiagnosis } from "@/lib/troubleshoot/load-diagnosis";
import { loadSpireContext } from "@/lib/troubleshoot/load-spire-context";
import { parseSelector } from "@/lib/troubleshoot/match-entries";

import { ContainerTabs } from "./_components/container-tabs";
import { SelectorForm } from "./_components/selector-form";

export const metadata = { title: "Troubleshoot" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;

/** Runs a read; an ApiError becomes its message (shown in place), anything else propagates to error.tsx. */
async function attempt<T>(read: () => Promise<T>): Promise<{ ok: T } | { error: string; code: string }> {
  try {
    return { ok: await read() };
  } catch (error) {
    if (error instanceof ApiError) return { error: error.message, code: error.code };
    throw error;
  }
}

export default async function TroubleshootPage({ searchParams }: { searchParams: Promise<Params> }) {
  const choice = await pageServerChoice(searchParams);
  await requirePage();
  if (!choice.ok)
    return (
      <UnknownServer
        requested={choice.requested}
        configured={choice.configured}
        hrefFor={(s) => links.troubleshoot({ server: s })}
      />
    );
  if (!choice.name)
    return (
      <Page>
        <StatePanel tone="error" title="No SPIRE server">
          No SPIRE server is configured.
        </StatePanel>
      </Page>
    );
  const server = choice.name;
  const sp = await searchParams;
  const one = (key: string) => (typeof sp[key] === "string" ? (sp[key] as string) : undefined);
  const namespace = one("namespace");
  const name = one("name");
  const selectorText = one("selectors") ?? "";
  const agentId = one("agentId") ?? "";
  const [pods, spire, agentsReport] = await Promise.all([
    attempt(listPodChoices),
    attempt(() => loadSpireContext(server)),
    attempt(() => getAgentAttestation({ server })),
  ]);
  const pod =
    namespace && name
      ? await attempt(() => diagnosePod({ server, namespace, name, container: one("container") }))
      : null;
  const selectors = selectorText
    .split(/\r?\n|,/)
    .map((s) => parseSelector(s))
    .filter((s) => s !== null);
  const bySelectors =
    !pod && one("mode") === "selectors" && selectors.length && agentId
      ? await attempt(() => diagnoseSelectors({ server, selectors, agentId }))
      : null;
  const agentIds = "ok" in spire ? spire.ok.agents.map((a) => a.spiffeId) : [];

  return (
    <Page>
      <p className="text-sm text-slate-600">
        Pick a pod to see why it does or does not get SVIDs from server <span className="font-medium">{server}</span>,
        or, without Kubernetes, enter the selectors a workload has and its agent.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardBody>
            {"ok" in pods ? (
              <PodPicker pods={pods.ok} server={server} selected={namespace && name ? `${namespace}/${name}` : null} />
            ) : (
              <p className="text-sm text-slate-600">Pods are not available: {pods.error}</p>
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
        "error" in pod ? (
          <StatePanel tone="error" title={`Cannot diagnose ${namespace}/${name}`}>
            {pod.error}
          </StatePanel>
        ) : (
          <PodResult result={pod.ok} server={server} />
        )
      ) : null}
      {bySelectors ? (
        "error" in bySelectors ? (
          <StatePanel tone="error" title="Cannot diagnose these selectors">
            {bySelectors.error}
          </StatePanel>
        ) : (
          <Result d={bySelectors.ok} imageNote={null} />
        )
      ) : null}
      <section aria-labelledby="ts-agents" className="space-y-3">
        <h2 id="ts-agents" className="text-base font-semibold">
          Why did an agent not attest?
        </h2>
        {"ok" in agentsReport ? (
          <AgentAttestation report={agentsReport.ok} />
        ) : (
          <StatePanel tone="error" title="Cannot read the agents">
            {agentsReport.error}
          </StatePanel>
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
