import { withApi } from "@/lib/api/with-api";
import { getExpiryView } from "@/lib/expiry/load-expiry";
import { serverScopeQuery } from "@/lib/schemas/views";

// GET /api/expiry – CAs, agent SVIDs, federated CAs and entries by expiry (?server= for one), TTL warnings
export const GET = withApi({ action: "expiry.read", query: serverScopeQuery }, async ({ query }) =>
  getExpiryView(query.server),
);
