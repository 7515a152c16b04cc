import { AgentDetailView } from "@/components/agents/agent-detail-view";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { CopyButton } from "@/components/ui/copy-button";
import { links } from "@/lib/links";

import { openServerPage } from "../../_components/server-page";

export const metadata = { title: "Agent" };

type Props = {
  params: Promise<{ agentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AgentPage({ params, searchParams }: Props) {
  const { agentId } = await params;
  const page = await openServerPage(searchParams, links.agents);
  if (!page.ok) return page.view;
  const { server } = page;
  const id = decodeURIComponent(agentId);
  return (
    <div className="space-y-4">
      <div className="min-w-0 space-y-1">
        <Breadcrumbs items={[{ label: `Agents of ${server}`, href: links.agents(server) }, { label: "Agent" }]} />
        <div className="flex items-center gap-1">
          <h1 className="min-w-0 font-mono text-lg font-semibold break-all">{id}</h1>
          <CopyButton value={id} label="SPIFFE ID" />
        </div>
      </div>
      <AgentDetailView server={server} agentId={id} />
    </div>
  );
}
