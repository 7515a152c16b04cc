import { withApi } from "@/lib/api/with-api";
import { agentsQuerySchema } from "@/lib/schemas/troubleshoot";
import { getAgentAttestation } from "@/lib/troubleshoot/load-agent-attestation";

export const dynamic = "force-dynamic";

// GET /api/troubleshoot/agents – why agents did not attest: nodes vs agents, banned, expired, cluster, log
export const GET = withApi(
  { action: "troubleshoot.read", serverInQuery: true, query: agentsQuerySchema },
  async ({ query }) => getAgentAttestation(query),
);
