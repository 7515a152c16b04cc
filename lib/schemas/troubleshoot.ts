import { z } from "zod";

import { selectorStringSchema } from "@/lib/schemas/selector";
import { spiffeIdSchema } from "@/lib/schemas/spiffe-id";

const name = z.string().trim().min(1).max(253);
const server = z.string().trim().min(1).optional();

/** `GET /api/troubleshoot/pod?namespace=&name=&server=&container=` */
export const podQuerySchema = z.object({ namespace: name, name, server, container: name.optional() });

/** `POST /api/troubleshoot/selectors` body, and its GET form `?agentId=&selector=…&server=` */
export const selectorsQuerySchema = z.object({
  server,
  agentId: spiffeIdSchema,
  selectors: z.array(selectorStringSchema).min(1, "Give at least one selector").max(200),
});

/** `GET /api/troubleshoot/entry?server=&id=` */
export const entryQuerySchema = z.object({ server, id: z.string().trim().min(1).max(100) });

/** `GET /api/troubleshoot/agents?server=` */
export const agentsQuerySchema = z.object({ server });

/** The query string as an object (repeated keys only for `selector`). */
export function queryObject(url: string): Record<string, string | string[]> {
  const params = new URL(url).searchParams;
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) if (key !== "selector") out[key] = value;
  const selectors = params.getAll("selector");
  if (selectors.length) out.selectors = selectors;
  return out;
}
