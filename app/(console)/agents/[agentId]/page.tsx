import Link from "next/link";

import { AgentDetailView } from "@/components/agents/agent-detail-view";
import { requirePage } from "@/lib/auth/guard";
import { links } from "@/lib/links";
import { selectedServerName } from "@/lib/servers/resolve-server";

export const metadata = { title: "Agent" };

type Props = {
  params: Promise<{ agentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AgentPage({ params, searchParams }: Props) {
  const [{ agentId }, server] = await Promise.all([params, selectedServerName(searchParams)]);
  await requirePage();
  const id = decodeURIComponent(agentId);
  return (
    <div className="space-y-4">
      <div>
        <Link href={links.agents(server)} className="text-sm text-sky-800 hover:underline">
          ← Agents of {server}
        </Link>
        <h1 className="break-all font-mono text-lg font-semibold">{id}</h1>
      </div>
      <AgentDetailView server={server} agentId={id} />
    </div>
  );
}
