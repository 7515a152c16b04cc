import { z } from "zod";

import { entryIdSchema } from "./entry-input";
import { spiffeIdSchema, trustDomainSchema } from "./spiffe-id";

/** A configured server's name as it appears in URLs (`/api/servers/{server}/...`). */
export const serverNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be a server name: lowercase letters, digits and '-'");

/** `[server]` routes. */
export const serverParams = z.object({ server: serverNameSchema });
/** `[server]/entries/[id]` routes. */
export const entryParams = serverParams.extend({ id: entryIdSchema });
/** `[server]/agents/[agentId]` routes: the agent's SPIFFE ID, URL-encoded in the path. */
export const agentParams = serverParams.extend({ agentId: spiffeIdSchema });
/** `[server]/federations/[trustDomain]` routes. */
export const federationParams = serverParams.extend({ trustDomain: trustDomainSchema });
