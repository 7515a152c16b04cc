// Starts a throw-away join_token spire-agent against a stack server, so tests can ban and
// evict an agent without touching the stack's own agents (other tests expect foo to keep them).
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { renderAgentConfig } from "../../scripts/stack/agent-config.ts";
import { getServerPaths, getStackPaths } from "../../scripts/stack/paths.ts";
import { type ProcessSpec, sleep, startDetached, stopProcess } from "../../scripts/stack/process.ts";
import { type CliAgent, idToString, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { getStackServer, type StackState } from "../../scripts/stack/state.ts";

export type ExtraAgent = { spiffeId: string; stop: () => Promise<void> };

/**
 * Writes a spire-agent's config for `serverName` into `dir` (data in `dir/data`, which must exist; its Workload API
 * at `socketPath`) and returns how to start it.
 */
export function writeAgentConfig(
  state: StackState,
  stackDir: string,
  serverName: string,
  dir: string,
  socketPath: string,
): ProcessSpec {
  const server = getStackServer(state, serverName);
  const paths = getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: stackDir });
  const spec: ProcessSpec = {
    binary: state.bin.spireAgent,
    configPath: path.join(dir, "agent.conf"),
    pidPath: path.join(dir, "agent.pid"),
    logPath: path.join(dir, "agent.log"),
  };
  writeFileSync(
    spec.configPath,
    renderAgentConfig({
      trustDomain: server.trustDomain,
      serverPort: server.bindPort,
      socketPath,
      dataDir: path.join(dir, "data"),
      logPath: spec.logPath,
      trustBundlePath: getServerPaths(paths, serverName).bundlePemPath,
    }),
  );
  return spec;
}

/** Generates a join token, starts a spire-agent with it and waits until the server lists the agent. */
export async function startExtraAgent(state: StackState, stackDir: string, serverName = "foo"): Promise<ExtraAgent> {
  const server = getStackServer(state, serverName);
  const paths = getStackPaths({ ...process.env, SPIRE_CONSOLE_STACK_DIR: stackDir });
  const name = `x-${randomBytes(3).toString("hex")}`;
  const dir = path.join(stackDir, "extra-agents", name);
  const socketDir = path.join(paths.socketDir, name);
  mkdirSync(path.join(dir, "data"), { recursive: true, mode: 0o700 });
  mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  const token = await spireServerJson<{ value: string }>(serverName, ["token", "generate", "-ttl", "600"], state);
  const spec = writeAgentConfig(state, stackDir, serverName, dir, path.join(socketDir, "agent.sock"));
  startDetached(spec, ["-joinToken", token.value]);
  const spiffeId = `spiffe://${server.trustDomain}/spire/agent/join_token/${token.value}`;
  const stop = async () => {
    await stopProcess(spec, 3_000);
    rmSync(dir, { recursive: true, force: true });
    rmSync(socketDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 60; i++) {
    const list = await spireServerJson<{ agents: CliAgent[] | null }>(serverName, ["agent", "list"], state);
    if ((list.agents ?? []).some((a) => idToString(a.id) === spiffeId)) return { spiffeId, stop };
    await sleep(500);
  }
  await stop();
  throw new Error(`extra agent ${spiffeId} did not attest within 30 s; see ${spec.logPath}`);
}
