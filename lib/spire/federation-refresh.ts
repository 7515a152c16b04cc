import "server-only";

import type { ServerConfig } from "@/lib/config/schema";

import { callUnary } from "./call";

/** Makes the server fetch `trustDomain`'s bundle from its bundle endpoint now. */
export async function refreshFederatedBundle(server: ServerConfig, trustDomain: string): Promise<void> {
  await callUnary(server, "trustDomain", "refreshBundle", { trustDomain });
}
