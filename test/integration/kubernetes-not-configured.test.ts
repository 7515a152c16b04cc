// Without a cluster the Kubernetes API and page say so at once (no hang, no 500); with an
// unreachable one they answer within the deadline.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, inject, it } from "vitest";

import { findFreePort } from "../../scripts/stack/ports.ts";
import { consoleFetch } from "../support/api";
import { type RunningConsole, startConsole } from "../support/console-server";

async function withConsole(env: Record<string, string>, check: (url: string) => Promise<void>): Promise<void> {
  let running: RunningConsole | undefined;
  try {
    running = await startConsole(env);
    await check(running.url);
  } finally {
    await running?.stop();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "spire-console-k8s-"));
const stackConsole = () =>
  JSON.parse(readFileSync(path.join(inject("stackDir"), "console.json"), "utf8")) as Record<string, unknown>;

describe("Kubernetes not configured", () => {
  it("answers 503 not_configured from both routes and says so on the page", async () => {
    const { kubernetes: _k8s, ...withoutK8s } = stackConsole();
    const file = path.join(dir, "no-k8s.json");
    writeFileSync(file, JSON.stringify(withoutK8s));
    await withConsole({ SPIRE_CONSOLE_CONFIG: file, KUBECONFIG: "", KUBERNETES_SERVICE_HOST: "" }, async (url) => {
      for (const route of ["/api/kubernetes/spire", "/api/kubernetes/nodes"]) {
        // The first call also loads the route's code; the second shows nothing waits on a cluster.
        for (const limitMs of [10_000, 1_500]) {
          const started = Date.now();
          const response = await consoleFetch(`${url}${route}`);
          expect(Date.now() - started, route).toBeLessThan(limitMs);
          expect(response.status).toBe(503);
          expect((await response.json()).error).toMatchObject({
            code: "not_configured",
            message: expect.stringContaining("Kubernetes is not configured"),
          });
        }
      }
      const html = await (await consoleFetch(`${url}/kubernetes`)).text();
      expect(html).toContain("Kubernetes is not configured");
    });
  });

  it("reports an unreachable API server as unavailable within the deadline", async () => {
    const port = await findFreePort();
    const kubeconfig = path.join(dir, "dead.kubeconfig");
    writeFileSync(
      kubeconfig,
      JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        "current-context": "dead",
        clusters: [{ name: "dead", cluster: { server: `https://127.0.0.1:${port}` } }],
        users: [{ name: "u", user: { token: "t" } }],
        contexts: [{ name: "dead", context: { cluster: "dead", user: "u" } }],
      }),
    );
    const file = path.join(dir, "dead.json");
    writeFileSync(file, JSON.stringify({ ...stackConsole(), kubernetes: { kubeconfig, timeoutMs: 1000 } }));
    await withConsole({ SPIRE_CONSOLE_CONFIG: file }, async (url) => {
      const started = Date.now();
      const response = await consoleFetch(`${url}/api/kubernetes/spire`);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(response.status).toBe(503);
      expect((await response.json()).error).toMatchObject({
        code: "unavailable",
        message: expect.stringContaining(`127.0.0.1:${port}`),
      });
      const html = await (await consoleFetch(`${url}/kubernetes`)).text();
      expect(html).toContain("Could not read the cluster");
    });
  });
});
