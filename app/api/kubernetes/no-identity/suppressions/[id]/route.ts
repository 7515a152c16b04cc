import { withApi } from "@/lib/api/with-api";
import { deleteSuppression } from "@/lib/no-identity/manage-suppressions";
import { suppressionIdParams } from "@/lib/schemas/kubernetes";

// DELETE /api/kubernetes/no-identity/suppressions/[id] – delete a rule: its pods show again (audited)
export const DELETE = withApi({ action: "kubernetes.suppress", params: suppressionIdParams }, ({ params }) =>
  deleteSuppression(params.id),
);
