import { withApi } from "@/lib/api/with-api";
import { getExpiryView } from "@/lib/expiry/load-expiry";

// GET /api/expiry – CA authorities, agent SVIDs, federated CAs and entries by expiry across servers (?server= for one), plus TTL warnings
export const GET = withApi(async (request) =>
  getExpiryView(new URL(request.url).searchParams.get("server") ?? undefined),
);
