import { withApi } from "@/lib/api/with-api";
import { parseOrThrow } from "@/lib/api/zod-issues";
import { agentsQuerySchema, queryObject } from "@/lib/schemas/troubleshoot";
import { getAgentAttestation } from "@/lib/troubleshoot/load-agent-attestation";

export const dynamic = "force-dynamic";

// GET /api/troubleshoot/agents – why agents did not attest: nodes vs agents, banned/expired, k8s_psat cluster names, server log errors
export const GET = withApi(async (request) =>
  getAgentAttestation(parseOrThrow(agentsQuerySchema, queryObject(request.url), "query")),
);
