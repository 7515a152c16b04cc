import "server-only";

import { readFileSync, statSync } from "node:fs";

const cache = new Map<string, { mtimeMs: number; value: string | null }>();

/**
 * A secret from the environment: `NAME` itself, else the contents of the file `NAME_FILE` (or
 * of `file` from the config), trimmed. Files are re-read when they change. Null when unset or
 * unreadable (the reason is logged, never the value).
 */
export function readSecret(name: string, file?: string): string | null {
  const direct = process.env[name];
  if (direct) return direct.trim();
  const path = process.env[`${name}_FILE`] || file;
  if (!path) return null;
  try {
    const { mtimeMs } = statSync(path);
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === mtimeMs) return hit.value;
    const value = readFileSync(path, "utf8").trim() || null;
    cache.set(path, { mtimeMs, value });
    return value;
  } catch (error) {
    console.error(`[auth] cannot read the secret file for ${name}: ${(error as NodeJS.ErrnoException).code}`);
    return null;
  }
}
