// Node attestations that fail: spire-agents started with join tokens the server never issued, which SPIRE refuses
// (InvalidArgument) and each agent retries with back-off; SPIRE's own telemetry endpoint counts each refusal.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { startDetached, stopProcess } from "../../scripts/stack/process.ts";
import type { StackState } from "../../scripts/stack/state.ts";
import { writeAgentConfig } from "./extra-agent";
import { parseMetrics } from "./prometheus";

/** Refused AttestAgent calls (every status but OK) a SPIRE server's telemetry endpoint counts since it started. */
export async function telemetryAttestFailures(url: string): Promise<number> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  let failed = 0;
  for (const [key, value] of parseMetrics(await response.text())) {
    if (!key.startsWith("spire_server_rpc_agent_v1_agent_attest_agent_elapsed_time_count{")) continue;
    if (!/status="OK"/.test(key)) failed += value;
  }
  return failed;
}

/**
 * Runs `count` spire-agents at once, each with a made-up join token, until the server (`telemetryUrl`) has refused at
 * least `count` more attestations, then stops them; each agent's first attempt is refused within a second or so (one
 * agent alone retries with back-off: five refusals took it 42 s). Resolves with how many more SPIRE counted (an agent
 * may squeeze in a retry before it stops).
 */
export async function failJoinTokenAttestations(
  state: StackState,
  stackDir: string,
  serverName: string,
  count: number,
  telemetryUrl: string,
): Promise<number> {
  const dirs = Array.from({ length: count }, () => mkdtempSync(path.join(tmpdir(), "spc-bad-agent-")));
  const specs = dirs.map((dir) => {
    mkdirSync(path.join(dir, "data"), { mode: 0o700 });
    return writeAgentConfig(state, stackDir, serverName, dir, path.join(dir, "agent.sock"));
  });
  const before = await telemetryAttestFailures(telemetryUrl);
  try {
    for (const spec of specs) startDetached(spec, ["-joinToken", randomBytes(16).toString("hex")]);
    for (let i = 0; i < 600; i++) {
      if ((await telemetryAttestFailures(telemetryUrl)) - before >= count) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await Promise.all(specs.map((spec) => stopProcess(spec, 3_000)));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  return (await telemetryAttestFailures(telemetryUrl)) - before;
}
