import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ApiError } from "../../lib/api/api-error";
import { consoleConfigSchema, type ServerConfig } from "../../lib/config/schema";
import { getX509Source } from "../../lib/spiffe/x509-source";
import { connectionStats } from "../../lib/spire/client";
import { countEntries } from "../../lib/spire/entries";
import { CONSOLE_AGENT } from "../../scripts/stack/console-config.ts";
import { spireServer } from "../../scripts/stack/spire-cli.ts";
import { getStackServer } from "../../scripts/stack/state.ts";
import { stackState } from "../support/api";
import { CONSOLE_ID } from "../support/mtls";

// The console's TCP path called in-process (lib/spire), against the real stack, for each of the
// mistakes issue #6 names. Through the HTTP API these are the same ApiErrors (403 / 503).

const dir = mkdtempSync(path.join(tmpdir(), "spc-mtls-"));
let agentSocket = "";
let barPort = 0;
let fooPort = 0;
let barBundle = "";

function server(raw: Record<string, unknown>): ServerConfig {
  return consoleConfigSchema.parse({ servers: [{ timeoutMs: 4_000, ...raw }] }).servers[0]!;
}

/** Mints an X509-SVID for the console ID on foo into `<dir>/<name>/{svid,key,bundle}.pem`. */
async function mint(name: string, ttl = "30m"): Promise<{ certFile: string; keyFile: string }> {
  const out = path.join(dir, name);
  mkdirSync(out, { recursive: true });
  await spireServer("foo", ["x509", "mint", "-spiffeID", CONSOLE_ID, "-ttl", ttl, "-write", out], stackState());
  return { certFile: path.join(out, "svid.pem"), keyFile: path.join(out, "key.pem") };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("the call succeeded");
}

beforeAll(() => {
  const state = stackState();
  agentSocket = state.servers.flatMap((s) => s.agents).find((a) => a.name === CONSOLE_AGENT)!.socketPath;
  barPort = getStackServer(state, "bar").bindPort;
  fooPort = getStackServer(state, "foo").bindPort;
  barBundle = path.join(getStackServer(state, "bar").dataDir, "bundle.pem");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("mTLS with SVID files", () => {
  it("reaches bar with files and picks up new files without a restart", async () => {
    const files = await mint("files");
    const bar = server({
      name: "bar-files",
      address: `127.0.0.1:${barPort}`,
      trustDomain: "bar.example.com",
      tls: { ...files, bundleFile: barBundle },
    });
    expect(await countEntries(bar)).toBeGreaterThanOrEqual(4);
    const opened = connectionStats("bar-files").opened;

    const next = await mint("files-2");
    renameSync(next.certFile, files.certFile);
    renameSync(next.keyFile, files.keyFile);
    await new Promise((r) => setTimeout(r, 1_100)); // files are re-checked at most once a second
    expect(await countEntries(bar)).toBeGreaterThanOrEqual(4);
    expect(connectionStats("bar-files").opened).toBe(opened + 1);
  });

  it("refuses an expired SVID with 503 and says which", async () => {
    const files = await mint("expired", "2s");
    await new Promise((r) => setTimeout(r, 2_500));
    const bar = server({
      name: "bar-expired",
      address: `127.0.0.1:${barPort}`,
      trustDomain: "bar.example.com",
      tls: { ...files, bundleFile: barBundle },
    });
    const error = await failure(countEntries(bar));
    expect([error.status, error.code]).toEqual([503, "unavailable"]);
    expect(error.message).toMatch(
      new RegExp(`The console's X509-SVID ${CONSOLE_ID} expired at .*replace .*svid\\.pem`),
    );
  });

  it("reports a server ID mismatch (bar's certificate where foo's server was expected)", async () => {
    const files = await mint("mismatch");
    const wrong = server({
      name: "bar-as-foo",
      address: `127.0.0.1:${barPort}`,
      trustDomain: "foo.example.com",
      tls: { ...files, bundleFile: barBundle },
    });
    const error = await failure(countEntries(wrong));
    expect([error.status, error.code]).toEqual([503, "unavailable"]);
    expect(error.message).toContain(
      "server ID mismatch: expected spiffe://foo.example.com/spire/server, got spiffe://bar.example.com/spire/server",
    );
  });
});

describe("mTLS with the Workload API", () => {
  it("names the missing bundle when the console's SVID does not federate with the server's trust domain", async () => {
    const baz = server({
      name: "baz",
      address: `127.0.0.1:${barPort}`,
      trustDomain: "baz.example.com",
      tls: { source: "workloadApi", socket: `unix://${agentSocket}`, spiffeId: CONSOLE_ID },
    });
    const error = await failure(countEntries(baz));
    expect([error.status, error.code]).toEqual([503, "unavailable"]);
    expect(error.message).toContain("holds no X.509 bundle for baz.example.com");
    expect(error.message).toContain(`let ${CONSOLE_ID}'s entry federate with baz.example.com, or set tls.bundleFile`);
  });

  it("says the Workload API socket is missing", async () => {
    const ghost = server({
      name: "ghost",
      address: `127.0.0.1:${barPort}`,
      trustDomain: "bar.example.com",
      tls: { source: "workloadApi", socket: `unix://${dir}/no-agent.sock` },
    });
    const started = Date.now();
    const error = await failure(countEntries(ghost));
    expect(Date.now() - started).toBeLessThan(4_500);
    expect([error.status, error.code]).toEqual([503, "unavailable"]);
    expect(error.message).toContain(
      `the Workload API socket ${dir}/no-agent.sock does not exist: is the SPIRE agent running?`,
    );
    getX509Source(`unix://${dir}/no-agent.sock`).close();
  });

  it("says no socket is configured when neither the config nor SPIFFE_ENDPOINT_SOCKET names one", async () => {
    const saved = process.env.SPIFFE_ENDPOINT_SOCKET;
    delete process.env.SPIFFE_ENDPOINT_SOCKET;
    try {
      const none = server({
        name: "nosocket",
        address: `127.0.0.1:${barPort}`,
        trustDomain: "bar.example.com",
        tls: { source: "workloadApi" },
      });
      const error = await failure(countEntries(none));
      expect(error.message).toContain(
        "no socket is configured: set tls.socket, workloadApi.socket or SPIFFE_ENDPOINT_SOCKET",
      );
    } finally {
      if (saved !== undefined) process.env.SPIFFE_ENDPOINT_SOCKET = saved;
    }
  });

  it("turns SPIRE's PERMISSION_DENIED for a non-admin of the same trust domain into a 403 with the fix", async () => {
    const fooTcp = server({
      name: "foo-tcp",
      address: `127.0.0.1:${fooPort}`,
      trustDomain: "foo.example.com",
      tls: { source: "workloadApi", socket: `unix://${agentSocket}`, spiffeId: CONSOLE_ID },
    });
    const error = await failure(countEntries(fooTcp));
    expect([error.status, error.code]).toEqual([403, "permission_denied"]);
    expect(error.message).toContain(
      `${CONSOLE_ID} is not an admin of foo.example.com: add it to admin_ids or create an admin entry`,
    );
    expect(error.message).toContain("authorization denied");
  });
});
