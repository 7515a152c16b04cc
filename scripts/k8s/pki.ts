// Credentials of the local API server: the service-account signing key pair and the
// static bearer tokens (--token-auth-file) of its three users. Created once, then kept.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

import type { K8sPaths } from "./paths.ts";

export interface K8sTokens {
  /** system:masters: seeding and humans. */
  admin: string;
  /** The console: read-only through the spire-console-reader ClusterRole. */
  console: string;
  /** spire-server's k8s_psat attestor: TokenReview plus get pods and nodes. */
  spireServer: string;
}

/** The users of the token file, by token key: [user name, uid, groups]. */
export const TOKEN_USERS: Record<keyof K8sTokens, [string, string, string[]]> = {
  admin: ["stack-admin", "stack-admin", ["system:masters"]],
  console: ["spire-console", "spire-console", []],
  spireServer: ["spire-server-psat", "spire-server-psat", []],
};

/** Creates (once) the SA key pair and the token file; returns the tokens. */
export function ensureK8sCredentials(kp: K8sPaths): K8sTokens {
  mkdirSync(kp.certDir, { recursive: true, mode: 0o700 });
  if (!existsSync(kp.saKeyPath) || !existsSync(kp.saPubPath)) {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    writeFileSync(kp.saKeyPath, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    writeFileSync(kp.saPubPath, publicKey.export({ type: "spki", format: "pem" }));
  }
  let tokens: K8sTokens;
  if (existsSync(kp.tokensPath)) {
    tokens = JSON.parse(readFileSync(kp.tokensPath, "utf8")) as K8sTokens;
  } else {
    const token = () => randomBytes(24).toString("hex");
    tokens = { admin: token(), console: token(), spireServer: token() };
    writeFileSync(kp.tokensPath, JSON.stringify(tokens, null, 2) + "\n", { mode: 0o600 });
  }
  const lines = (Object.keys(TOKEN_USERS) as (keyof K8sTokens)[]).map((key) => {
    const [user, uid, groups] = TOKEN_USERS[key];
    return `${tokens[key]},${user},${uid}${groups.length ? `,"${groups.join(",")}"` : ""}`;
  });
  writeFileSync(kp.tokenFilePath, lines.join("\n") + "\n", { mode: 0o600 });
  return tokens;
}
