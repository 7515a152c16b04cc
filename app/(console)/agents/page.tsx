import { FleetView } from "@/components/agents/fleet-view";
import { AccessNote } from "@/components/auth/access-note";
import { StatePanel } from "@/components/ui/state-panel";
import { links } from "@/lib/links";
import { fleetQuerySchema } from "@/lib/schemas/fleet";
import { readQuery, toUrlSearchParams } from "@/lib/schemas/query-string";

import { openServerPage } from "../_components/server-page";

export const metadata = { title: "Agents" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AgentsPage({ searchParams }: Props) {
  const page = await openServerPage(searchParams, links.agents);
  if (!page.ok) return page.view;
  const { server } = page;
  const params = toUrlSearchParams(await searchParams);
  params.delete("server");
  const parsed = fleetQuerySchema.safeParse(readQuery(params));
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Agents</h1>
      <AccessNote server={server} action="agents.evict" what="ban or evict agents" />
      {parsed.success ? (
        <FleetView
          server={server}
          filters={{
            version: parsed.data.version,
            attestationType: parsed.data.attestationType,
            expiring: parsed.data.expiring,
            canReattest: parsed.data.canReattest,
            banned: parsed.data.banned,
            skew: parsed.data.skew,
            spiffeIdContains: parsed.data.spiffeIdContains,
          }}
        />
      ) : (
        <StatePanel tone="error" title="These filters are not valid">
          {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </StatePanel>
      )}
    </div>
  );
}
