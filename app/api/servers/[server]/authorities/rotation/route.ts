import { withApi } from "@/lib/api/with-api";
import { loadRotations } from "@/lib/authorities/load-rotation";
import { serverParams } from "@/lib/schemas/path-params";

// GET /api/servers/[server]/authorities/rotation – the rotation cockpit: each kind, its copies, steps, checks
export const GET = withApi({ action: "expiry.read", params: serverParams }, async ({ params }) =>
  loadRotations(params.server),
);
