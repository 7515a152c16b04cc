import { z } from "zod";

import { serverNameSchema } from "./path-params";
import { selectorStringSchema } from "./selector";
import { spiffeIdSchema } from "./spiffe-id";

/** A Kubernetes object name (DNS-1123 subdomain: lowercase letters, digits, '-' and '.'). */
const k8sName = z
  .string()
  .trim()
  .max(253, "must be at most 253 characters")
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, "must be a Kubernetes name: lowercase letters, digits, '-' and '.'");
/** A namespace or container name (DNS-1123 label). */
const k8sLabel = z
  .string()
  .trim()
  .max(63, "must be at most 63 characters")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a DNS-1123 label: lowercase letters, digits and '-'");
const server = serverNameSchema.optional();
const selectors = z.array(selectorStringSchema).min(1, "Give at least one selector").max(200);

/** `GET /api/troubleshoot/pod?namespace=&name=&server=&container=` */
export const podQuerySchema = z.object({
  namespace: k8sLabel,
  name: k8sName,
  server,
  container: k8sLabel.optional(),
  cluster: k8sLabel.optional(),
});

/** `POST /api/troubleshoot/selectors` body: `{ server?, agentId, selectors: ["type:value", …] }` */
export const selectorsBodySchema = z.strictObject({ server, agentId: spiffeIdSchema, selectors });

/** `GET /api/troubleshoot/selectors?agentId=&selector=…&server=` (the same as the POST body). */
export const selectorsQuerySchema = z
  .object({ server, agentId: spiffeIdSchema, selector: selectors })
  .transform(({ selector, ...rest }) => ({ ...rest, selectors: selector }));

/** `GET /api/troubleshoot/entry?server=&id=` */
export const entryQuerySchema = z.object({ server, id: z.string().trim().min(1).max(255) });

/** `GET /api/troubleshoot/agents?server=` */
export const agentsQuerySchema = z.object({ server });
