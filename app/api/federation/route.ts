import { withApi } from "@/lib/api/with-api";
import { getFederationGraph } from "@/lib/federation/load-federation";

// GET /api/federation – trust domains and federation relationships across every server, with flags
export const GET = withApi({ action: "federation.read" }, async () => getFederationGraph());
