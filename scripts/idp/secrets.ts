// The IdP's secrets, created once and then reused: the RSA signing key (as a private JWKS),
// the client secret and the demo passwords. Each file is written 0600 with O_EXCL, so two
// processes that race keep the first one's value.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

import type { IdpFiles } from "./paths.ts";
import { DEMO_USERS } from "./users.ts";

export interface IdpSecrets {
  jwks: { keys: Record<string, unknown>[] };
  clientSecret: string;
  passwords: Record<string, string>;
}

/** Reads `file`, first writing `create()` to it (0600) if it does not exist yet. */
function readOrCreate(file: string, create: () => string): string {
  if (!existsSync(file)) {
    try {
      writeFileSync(file, create(), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8");
}

function createJwks(): string {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomBytes(8).toString("hex");
  const jwk = { ...privateKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" };
  return JSON.stringify({ keys: [jwk] }, null, 2) + "\n";
}

function createPasswords(): string {
  const entries = DEMO_USERS.map((user) => [user.username, randomBytes(12).toString("base64url")]);
  return JSON.stringify(Object.fromEntries(entries), null, 2) + "\n";
}

/** Loads the IdP's secrets from its state dir, generating any that are missing. */
export function loadOrCreateSecrets(files: IdpFiles): IdpSecrets {
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  return {
    jwks: JSON.parse(readOrCreate(files.jwksPath, createJwks)) as IdpSecrets["jwks"],
    clientSecret: readOrCreate(files.clientSecretPath, () => randomBytes(32).toString("base64url") + "\n").trim(),
    passwords: JSON.parse(readOrCreate(files.passwordsPath, createPasswords)) as Record<string, string>,
  };
}
