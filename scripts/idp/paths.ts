// Files of the local OpenID provider, all in <stackDir>/idp/ (mode 0700): its signing keys,
// client secret and demo passwords (0600 each), its pid, log and port, and idp.json.
import path from "node:path";

export interface IdpFiles {
  dir: string;
  /** Private JWKS the provider signs ID tokens with; kept so a restart keeps tokens verifiable. */
  jwksPath: string;
  /** The `spire-console` client's secret, one line. */
  clientSecretPath: string;
  /** Generated demo passwords: `{ "<username>": "<password>" }`. */
  passwordsPath: string;
  /** The remembered loopback port: `{ "port": 12345 }`. */
  portPath: string;
  pidPath: string;
  logPath: string;
  /** The provider's public description for the stack, the demo and tests (see start.ts). */
  infoPath: string;
}

/** The IdP's folder inside a stack dir. */
export function getIdpDir(stackDir: string): string {
  return path.join(stackDir, "idp");
}

/** Every file of the IdP whose state lives in `dir`. */
export function getIdpFiles(dir: string): IdpFiles {
  return {
    dir,
    jwksPath: path.join(dir, "jwks.json"),
    clientSecretPath: path.join(dir, "client-secret"),
    passwordsPath: path.join(dir, "passwords.json"),
    portPath: path.join(dir, "port.json"),
    pidPath: path.join(dir, "idp.pid"),
    logPath: path.join(dir, "idp.log"),
    infoPath: path.join(dir, "idp.json"),
  };
}
