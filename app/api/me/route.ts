import { withApi } from "@/lib/api/with-api";
import { describeMe } from "@/lib/auth/describe-principal";

// GET /api/me – who I am, how I signed in, my role bindings and what I may do
export const GET = withApi({ action: "session" }, async () => describeMe());
