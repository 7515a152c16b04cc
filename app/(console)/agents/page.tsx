import { AgentTable } from "@/components/agents/agent-table";
import { selectedServerName } from "@/lib/config/selected-server";

export const metadata = { title: "Agents" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AgentsPage({ searchParams }: Props) {
  const server = await selectedServerName(searchParams);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Agents</h1>
      <AgentTable server={server} />
    </div>
  );
}
