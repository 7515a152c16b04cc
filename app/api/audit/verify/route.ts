import { withApi } from "@/lib/api/with-api";
import { checkAuditChain } from "@/lib/audit/load-audit";

// POST /api/audit/verify – walk the audit log's hash chain and name the first record changed, removed or reordered
export const POST = withApi({ action: "audit.read" }, async () => checkAuditChain());
