import "server-only";

import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** This console process, as audit records name it: SPIRE_CONSOLE_REPLICA_ID, else host and a random suffix. */
export const replicaId: string =
  process.env.SPIRE_CONSOLE_REPLICA_ID || `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
