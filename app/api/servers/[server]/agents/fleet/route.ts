import { loadFleet } from "@/lib/agents/load-fleet";
import { withApi } from "@/lib/api/with-api";
import { fleetQuerySchema } from "@/lib/schemas/fleet";
import { serverParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/agents/fleet – the fleet's health and one page of agents under the filters
export const GET = withApi(
  { action: "agents.read", params: serverParams, query: fleetQuerySchema },
  async ({ params, query }) => loadFleet(params.server, query),
);
