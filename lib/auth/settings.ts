import "server-only";

import { type AuthConfig, authConfigSchema } from "@/lib/config/auth-schema";
import { loadConfig } from "@/lib/config/load-config";

import { readSecret } from "./secret-source";

/** Everything sign-in needs, from the config file and the environment (which wins). */
export type AuthSettings = {
  /** The `auth` section; defaults (no sign-in method, no bindings) when the config is missing or invalid. */
  auth: AuthConfig;
  /** Whether `auth` came from a valid config file. */
  configured: boolean;
  /** The origin users reach the console at, or null: then localhost/127.0.0.1 on the listening port. */
  publicOrigin: string | null;
  /** Addresses (IPs/CIDRs) whose X-Forwarded-* headers are believed. */
  trustedProxies: readonly string[];
  dataDir: string;
  databaseUrl: string | null;
};

const defaults = authConfigSchema.parse({});

/** The current auth settings (the config file is re-read when it changes). */
export function authSettings(): AuthSettings {
  const state = loadConfig();
  const config = state.status === "ok" ? state.config : null;
  return {
    auth: config?.auth ?? defaults,
    configured: config !== null,
    publicOrigin: normalizeOrigin(process.env.SPIRE_CONSOLE_PUBLIC_ORIGIN) ?? config?.publicOrigin ?? null,
    trustedProxies: config?.trustedProxies ?? [],
    dataDir: process.env.SPIRE_CONSOLE_DATA_DIR || config?.dataDir || ".data",
    databaseUrl: readSecret("SPIRE_CONSOLE_DATABASE_URL", config?.database?.urlFile) ?? config?.database?.url ?? null,
  };
}

/** The OIDC client secret: env SPIRE_CONSOLE_OIDC_CLIENT_SECRET, its _FILE, or `auth.oidc.clientSecretFile`. */
export function oidcClientSecret(auth: AuthConfig): string | null {
  return readSecret("SPIRE_CONSOLE_OIDC_CLIENT_SECRET", auth.oidc?.clientSecretFile);
}

function normalizeOrigin(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    console.error("[auth] SPIRE_CONSOLE_PUBLIC_ORIGIN is not a URL; ignoring it");
    return null;
  }
}
