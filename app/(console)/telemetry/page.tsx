import { TelemetryPanels } from "@/components/telemetry/telemetry-panels";
import { links } from "@/lib/links";
import { loadTelemetryReport } from "@/lib/telemetry/load-telemetry-report";

import { loadPagePart, PartProblem } from "../_components/page-part";
import { openServerPage } from "../_components/server-page";

export const metadata = { title: "What SPIRE says" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TelemetryPage({ searchParams }: Props) {
  const page = await openServerPage(searchParams, links.telemetry);
  if (!page.ok) return page.view;
  const { server, config, principal } = page;
  const part = await loadPagePart(principal, `reading SPIRE's metrics of ${server}`, () => loadTelemetryReport(config));
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">What SPIRE says: {server}</h1>
      <p className="text-sm text-slate-600">
        SPIRE&apos;s own telemetry, which its admin API does not show: attestations, signing, the entry cache, federated
        bundle fetches, CA rotations and the agents.
      </p>
      {part.ok ? (
        <TelemetryPanels report={part.data} />
      ) : (
        <PartProblem title={`Could not read SPIRE's metrics of ${server}`} part={part} />
      )}
    </div>
  );
}
