// The local OpenID provider as a tracked process of the stack: `ensureIdp` starts it (unless it
// runs), waits for its discovery document and writes <stackDir>/idp/idp.json; `stopIdp` stops
// exactly that process by pid. Its port is chosen free once and remembered in port.json.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { say, StackError, stopwatch, tailFile } from "../stack/log.ts";
import type { StackPaths } from "../stack/paths.ts";
import { findFreePort, isPortFree } from "../stack/ports.ts";
import type { TrackedProcess } from "../stack/process.ts";
import { sleep, spawnTracked, stopTracked, trackedPid } from "../stack/process.ts";
import { CLIENT_ID } from "./configuration.ts";
import type { IdpFiles } from "./paths.ts";
import { getIdpDir, getIdpFiles } from "./paths.ts";
import { loadOrCreateSecrets } from "./secrets.ts";
import { DEMO_USERS } from "./users.ts";

/** Contents of <stackDir>/idp/idp.json (mode 0600: it holds the demo passwords). */
export interface IdpInfo {
  /** http://127.0.0.1:<port>; discovery at `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** File holding the client secret (one line, mode 0600); the client authenticates with client_secret_basic. */
  clientSecretFile: string;
  users: { username: string; password: string; name: string; groups: string[] }[];
}

/** What stack.json records about the IdP (no passwords: those stay in `infoFile`). */
export interface StackIdp {
  issuer: string;
  clientId: string;
  clientSecretFile: string;
  /** idp.json, with the demo users and their passwords. */
  infoFile: string;
}

type IdpPaths = Pick<StackPaths, "stackDir">;

const SERVER_SCRIPT = path.join(import.meta.dirname, "server.ts");

function idpProcess(files: IdpFiles): TrackedProcess {
  return {
    binary: process.execPath,
    marker: `--state-dir=${files.dir}`,
    pidPath: files.pidPath,
    logPath: files.logPath,
  };
}

function readRememberedPort(files: IdpFiles): number | null {
  return existsSync(files.portPath)
    ? (JSON.parse(readFileSync(files.portPath, "utf8")) as { port: number }).port
    : null;
}

/** The remembered port if it can still be used, else a new free one (remembered from now on). */
async function choosePort(files: IdpFiles, running: boolean): Promise<number> {
  const remembered = readRememberedPort(files);
  if (remembered !== null && (running || (await isPortFree(remembered)))) return remembered;
  const port = await findFreePort();
  writeFileSync(files.portPath, JSON.stringify({ port }) + "\n");
  return port;
}

/** Polls the discovery document until it names `issuer`; fails fast if the process exits. */
async function waitForDiscovery(proc: TrackedProcess, issuer: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok && ((await res.json()) as { issuer?: string }).issuer === issuer) return;
    } catch {
      // not listening yet
    }
    if (trackedPid(proc) === null) {
      throw new StackError(`the OpenID provider exited during start-up; see ${proc.logPath}`, tailFile(proc.logPath));
    }
    if (Date.now() > deadline) {
      throw new StackError(`the OpenID provider did not answer within ${timeoutMs / 1000}s`, tailFile(proc.logPath));
    }
    await sleep(150);
  }
}

/** Starts the IdP of this stack dir unless it runs, waits until it serves, and writes idp.json. */
export async function ensureIdp(paths: IdpPaths): Promise<IdpInfo> {
  const elapsed = stopwatch();
  const files = getIdpFiles(getIdpDir(paths.stackDir));
  const secrets = loadOrCreateSecrets(files);
  const proc = idpProcess(files);
  const running = trackedPid(proc);
  const port = await choosePort(files, running !== null);
  const issuer = `http://127.0.0.1:${port}`;
  if (running === null) {
    const pid = spawnTracked(proc, [SERVER_SCRIPT, proc.marker, `--port=${port}`]);
    say(`starting the OpenID provider (pid ${pid}, ${issuer}) ...`);
  }
  await waitForDiscovery(proc, issuer);
  say(running === null ? `OpenID provider ready in ${elapsed()}` : `OpenID provider already running (pid ${running})`);

  const info: IdpInfo = {
    issuer,
    clientId: CLIENT_ID,
    clientSecretFile: files.clientSecretPath,
    users: DEMO_USERS.map((u) => ({
      username: u.username,
      password: secrets.passwords[u.username]!,
      name: u.name,
      groups: u.groups,
    })),
  };
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  writeFileSync(files.infoPath, JSON.stringify(info, null, 2) + "\n", { mode: 0o600 });
  chmodSync(files.infoPath, 0o600);
  return info;
}

/** The stack.json entry for a running IdP. */
export function toStackIdp(paths: IdpPaths, info: IdpInfo): StackIdp {
  const { issuer, clientId, clientSecretFile } = info;
  return { issuer, clientId, clientSecretFile, infoFile: getIdpFiles(getIdpDir(paths.stackDir)).infoPath };
}

/** Reads <stackDir>/idp/idp.json; throws if the IdP was never started there. */
export function readIdpInfo(stackDir: string): IdpInfo {
  const file = getIdpFiles(getIdpDir(stackDir)).infoPath;
  if (!existsSync(file)) throw new Error(`${file} not found: run \`npm run stack:up\` first`);
  return JSON.parse(readFileSync(file, "utf8")) as IdpInfo;
}

/** Stops the IdP of this stack dir by its pid (SIGTERM, then SIGKILL); returns the pid or null. */
export function stopIdp(paths: IdpPaths): Promise<number | null> {
  return stopTracked(idpProcess(getIdpFiles(getIdpDir(paths.stackDir))), 5_000);
}

/** Pid of the running IdP (or null) and its issuer URL (or "-" if it never ran). */
export function getIdpStatus(paths: IdpPaths): { pid: number | null; issuer: string } {
  const files = getIdpFiles(getIdpDir(paths.stackDir));
  const port = readRememberedPort(files);
  return { pid: trackedPid(idpProcess(files)), issuer: port === null ? "-" : `http://127.0.0.1:${port}` };
}
