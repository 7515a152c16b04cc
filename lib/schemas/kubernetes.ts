import { z } from "zod";

/** A cluster-scoped Kubernetes object name (DNS subdomain: lowercase, digits, '-' and '.'). */
export const kubernetesNameSchema = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
    "must be a Kubernetes object name (lowercase letters, digits, '-' and '.')",
  );

/** A cluster's or a deployment's name in the console config. */
export const configNameSchema = z
  .string()
  .trim()
  .max(63, "must be at most 63 characters")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a cluster or deployment name: lowercase letters, digits and '-'");

/** `?cluster=&deployment=`: one SPIRE deployment of one cluster (default: the first configured). */
export const deploymentQuerySchema = z.object({
  cluster: configNameSchema.optional(),
  deployment: configNameSchema.optional(),
});

/** `?cluster=`: one cluster (default: every configured cluster). */
export const clusterQuerySchema = z.object({ cluster: configNameSchema.optional() });

/** A label key as Kubernetes allows it: an optional DNS-subdomain prefix and a name of at most 63 characters. */
const labelKey = z
  .string()
  .trim()
  .regex(
    /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/,
    "must be a label key (e.g. app or app.kubernetes.io/name)",
  );
const labelValue = z
  .string()
  .trim()
  .regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/, "must be a label value (at most 63 characters)");
const namespaceName = z
  .string()
  .trim()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, "must be a namespace name (lowercase letters, digits and '-')");
const reason = z.string().trim().min(1, "Say why these pods need no identity").max(300, "At most 300 characters");

/** The body of `POST /api/kubernetes/no-identity/suppressions`: hide a namespace's pods, or a label's. */
export const suppressionInputSchema = z.discriminatedUnion("kind", [
  z.strictObject({ cluster: configNameSchema, kind: z.literal("namespace"), namespace: namespaceName, reason }),
  z.strictObject({ cluster: configNameSchema, kind: z.literal("label"), key: labelKey, value: labelValue, reason }),
]);
export type SuppressionInput = z.output<typeof suppressionInputSchema>;

/** `[id]` of a suppression rule. */
export const suppressionIdParams = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "must be a suppression rule ID"),
});

/** `?cluster=&node=`: one node of one cluster (default: the first configured). */
export const nodeWorkloadsQuerySchema = z.object({ cluster: configNameSchema.optional(), node: kubernetesNameSchema });
