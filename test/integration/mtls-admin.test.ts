import { afterAll, describe, expect, inject, it } from "vitest";

import { restartServerWithAdminIds } from "../../scripts/stack/console-identity.ts";
import { type CliEntry, idToString, spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { getStackServer } from "../../scripts/stack/state.ts";
import { apiGet, consoleFetch, stackState, stackUp, waitFor } from "../support/api";
import { CONSOLE_ID, serversAndIdentity } from "../support/mtls";

type Entry = { id: string; spiffeId: string; parentId: string };
type ErrorBody = { error: { code: string; message: string } };

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function barCliEntries(args: string[] = []): Promise<CliEntry[]> {
  return (
    (await spireServerJson<{ entries: CliEntry[] | null }>("bar", ["entry", "show", ...args], stackState())).entries ??
    []
  );
}

describe("the console administers bar over TCP with its own SVID", () => {
  afterAll(async () => {
    for (const entry of await barCliEntries()) {
      if (idToString(entry.spiffe_id).includes(`/it-mtls/${run}`))
        await spireServer("bar", ["entry", "delete", "-entryID", entry.id], stackState());
    }
  });

  it("reaches bar at 127.0.0.1:<bind port> as spiffe://foo.example.com/console and lists what bar's CLI lists", async () => {
    const bar = getStackServer(stackState(), "bar");
    const { servers, identity } = await serversAndIdentity();
    expect(servers.find((s) => s.name === "bar")).toMatchObject({
      address: `127.0.0.1:${bar.bindPort}`,
      healthy: true,
      error: null,
    });
    expect(Date.parse(servers.find((s) => s.name === "bar")?.serverSvidExpiresAt ?? "")).toBeGreaterThan(Date.now());
    expect(servers.find((s) => s.name === "foo")?.address).toMatch(/^unix:\/\//);
    expect(identity).toMatchObject({ state: "ready", spiffeId: CONSOLE_ID, expired: false, error: null });
    expect(identity.trustDomains).toContain("bar.example.com");

    const res = await apiGet<{ entries: Entry[]; nextPageToken: string }>("/api/servers/bar/entries?pageSize=1000");
    expect(res.status).toBe(200);
    const cli = await barCliEntries();
    expect(res.body.entries.map((e) => e.id).sort()).toEqual(cli.map((e) => e.id).sort());
    expect(res.body.entries.length).toBeGreaterThanOrEqual(4);
  });

  it("creates an entry on bar through the console's POST route; bar's CLI shows it", async () => {
    const spiffeId = `spiffe://bar.example.com/it-mtls/${run}/created`;
    const response = await consoleFetch(`/api/servers/bar/entries`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        spiffeId,
        parentId: "spiffe://bar.example.com/node/edge-1",
        selectors: [{ type: "unix", value: "uid:4242" }],
      }),
    });
    const created = (await response.json()) as Entry;
    expect(response.status, JSON.stringify(created)).toBe(201);
    const [shown] = await barCliEntries(["-entryID", created.id]);
    expect(shown && idToString(shown.spiffe_id)).toBe(spiffeId);
    expect(shown?.selectors).toEqual([{ type: "unix", value: "uid:4242" }]);
  });

  it("answers 403 naming the fix when bar drops the console from admin_ids, while foo keeps working", async () => {
    try {
      await restartServerWithAdminIds(inject("stackDir"), "bar", []);
      const denied = await waitFor(
        async () => {
          const res = await apiGet<ErrorBody>("/api/servers/bar/entries");
          return res.status === 403 ? res : undefined;
        },
        20_000,
        "bar answering 403",
      );
      expect(denied.body.error.code).toBe("permission_denied");
      expect(denied.body.error.message).toContain(
        `${CONSOLE_ID} is not an admin of bar.example.com: add it to admin_ids or create an admin entry`,
      );
      for (const route of ["agents", "federated-bundles", "federations"]) {
        const res = await apiGet<ErrorBody>(`/api/servers/bar/${route}`);
        expect(res.status, route).toBe(403);
      }
      const { servers } = await serversAndIdentity();
      expect(servers.find((s) => s.name === "bar")).toMatchObject({
        healthy: false,
        error: { code: "permission_denied" },
      });
      expect(servers.find((s) => s.name === "foo")).toMatchObject({ healthy: true });
      expect((await apiGet("/api/servers/foo/entries?pageSize=5")).status).toBe(200);
    } finally {
      stackUp();
    }
    const restored = await waitFor(
      async () => {
        const res = await apiGet("/api/servers/bar/entries?pageSize=5");
        return res.status === 200 ? res : undefined;
      },
      20_000,
      "bar answering 200 again",
    );
    expect(restored.status).toBe(200);
  });
});
