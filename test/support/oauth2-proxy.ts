// The real oauth2-proxy (built once into the cache by scripts/oauth2-proxy) in front of a console,
// signing users in at the stack's OpenID provider as its client `oauth2-proxy`, and forwarding the
// provider's ID token to the console (--pass-authorization-header). Started and stopped by PID.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { PROXY_CLIENT_ID } from "../../scripts/idp/redirect-uris.ts";
import { OAUTH2_PROXY_VERSION, oauth2ProxyBinary } from "../../scripts/oauth2-proxy/paths.ts";

export type RunningProxy = { url: string; pid: number; output: () => string; stop: () => Promise<void> };

export type ProxyOptions = {
  /** The port to listen on (127.0.0.1), chosen before the console so its publicOrigin can name it. */
  port: number;
  /** The console's URL. */
  upstream: string;
  issuer: string;
  clientSecretFile: string;
};

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      process.kill(child.pid!, "SIGTERM");
      setTimeout(() => child.exitCode === null && process.kill(child.pid!, "SIGKILL"), 5_000).unref();
    });
}

/** Starts oauth2-proxy and waits until it answers /ping; fails with a clear message when the binary is missing. */
export async function startOauth2Proxy(options: ProxyOptions): Promise<RunningProxy> {
  const binary = oauth2ProxyBinary();
  if (!existsSync(binary)) {
    throw new Error(
      `oauth2-proxy v${OAUTH2_PROXY_VERSION} is not built at ${binary}: run \`node scripts/oauth2-proxy/cli.ts\` ` +
        "(npm test does it once, with Go and the Go module proxy).",
    );
  }
  const url = `http://127.0.0.1:${options.port}`;
  // oauth2-proxy sends the file's bytes as they are: the stack's secret file ends with a newline.
  const secretFile = path.join(mkdtempSync(path.join(tmpdir(), "spc-oauth2-proxy-")), "client-secret");
  writeFileSync(secretFile, readFileSync(options.clientSecretFile, "utf8").trim(), { mode: 0o600 });
  const args = [
    `--http-address=127.0.0.1:${options.port}`,
    `--upstream=${options.upstream}/`,
    "--provider=oidc",
    `--oidc-issuer-url=${options.issuer}`,
    `--client-id=${PROXY_CLIENT_ID}`,
    `--client-secret-file=${secretFile}`,
    `--cookie-secret=${randomBytes(16).toString("hex")}`,
    "--cookie-secure=false",
    `--redirect-url=${url}/oauth2/callback`,
    "--email-domain=*",
    "--scope=openid email profile groups",
    "--code-challenge-method=S256",
    "--pass-authorization-header=true",
    "--skip-provider-button=true",
    "--upstream-timeout=30s",
  ];
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const collect = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const stop = stopper(child);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ok = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(1_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { url, pid: child.pid!, output: () => log, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`oauth2-proxy did not start (exit ${child.exitCode}):\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
