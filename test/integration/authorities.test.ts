import { describe, expect, it } from "vitest";

import { spireServer, spireServerJson } from "../../scripts/stack/spire-cli.ts";
import { apiGet, stackState } from "../support/api";

type CliSlot = { authority_id: string; expires_at: string; upstream_authority_subject_key_id: string } | undefined;
type CliState = { active?: CliSlot; prepared?: CliSlot; old?: CliSlot };
type ApiSlot = { authorityId: string; expiresAt: string | null } | null;
type ApiState = {
  x509: Record<"active" | "prepared" | "old", ApiSlot>;
  jwt: Record<"active" | "prepared" | "old", ApiSlot>;
};

const toApi = (slot: CliSlot): ApiSlot =>
  slot ? { authorityId: slot.authority_id, expiresAt: new Date(Number(slot.expires_at) * 1000).toISOString() } : null;

describe("GET /api/servers/{server}/authorities", () => {
  it("reports the same X.509 and JWT authorities as `spire-server localauthority … show`", async () => {
    for (const server of ["foo", "bar"]) {
      // bar is reached over mTLS with the console's Workload API SVID, which may lag a fresh stack by a few seconds.
      await expect
        .poll(async () => (await apiGet(`/api/servers/${server}/authorities`)).status, { timeout: 20_000 })
        .toBe(200);
      const res = await apiGet<ApiState>(`/api/servers/${server}/authorities`);
      for (const kind of ["x509", "jwt"] as const) {
        const cli = await spireServerJson<CliState>(server, ["localauthority", kind, "show"], stackState());
        expect(cli.active).toBeDefined();
        for (const slot of ["active", "prepared", "old"] as const) {
          expect(
            res.body[kind][slot] && {
              authorityId: res.body[kind][slot]!.authorityId,
              expiresAt: res.body[kind][slot]!.expiresAt,
            },
            `${server} ${kind} ${slot}`,
          ).toEqual(toApi(cli[slot]));
        }
      }
    }
  });

  it("puts the active CA and the entry expiring within a day on the expiry view", async () => {
    const res = await apiGet<{ items: { kind: string; server: string; label: string; urgency: string }[] }>(
      "/api/expiry",
    );
    expect(res.status).toBe(200);
    expect(
      res.body.items.some((i) => i.kind === "x509-authority" && i.server === "foo" && i.label.includes("active")),
    ).toBe(true);
    const at = res.body.items.findIndex((i) => i.label === "spiffe://foo.example.com/billing/db-migrator");
    expect(res.body.items[at]).toMatchObject({ kind: "entry", server: "foo", urgency: "critical" });
    expect(res.body.items.slice(0, at).every((i) => i.urgency === "expired" || i.urgency === "critical")).toBe(true);
  });

  it("warns about X.509 TTLs the active CA cannot honour, with the effective TTL", async () => {
    const make = async (name: string, ttl: number) =>
      (
        await spireServerJson<{ results: { entry: { id: string } }[] }>(
          "foo",
          [
            "entry",
            "create",
            "-parentID",
            "spiffe://foo.example.com/node/fleet",
            "-spiffeID",
            `spiffe://foo.example.com/it/${name}-${Date.now()}`,
            "-selector",
            `unix:uid:${ttl % 60000}`,
            "-x509SVIDTTL",
            String(ttl),
          ],
          stackState(),
        )
      ).results[0]!.entry.id;
    const atRisk = await make("ttl-3d", 3 * 86_400);
    const capped = await make("ttl-30d", 30 * 86_400);
    try {
      type Warning = { entryId: string; status: string; effectiveNowSeconds: number; explanation: string };
      const find = async () => (await apiGet<{ ttlWarnings: Warning[] }>("/api/expiry?server=foo")).body.ttlWarnings;
      await expect
        .poll(async () => (await find()).filter((w) => w.entryId === atRisk || w.entryId === capped).length, {
          timeout: 20_000,
        })
        .toBe(2);
      const warnings = await find();
      expect(warnings.find((w) => w.entryId === atRisk)?.status).toBe("at-risk");
      const cut = warnings.find((w) => w.entryId === capped)!;
      const ca = (await apiGet<ApiState>("/api/servers/foo/authorities")).body.x509.active!;
      expect(cut.status).toBe("capped");
      expect(Math.abs(cut.effectiveNowSeconds - (Date.parse(ca.expiresAt!) - Date.now()) / 1000)).toBeLessThan(60);
      expect(cut.explanation).toMatch(/caps the SVID at the CA's not-after/);
    } finally {
      await spireServer("foo", ["entry", "delete", "-entryID", atRisk], stackState());
      await spireServer("foo", ["entry", "delete", "-entryID", capped], stackState());
    }
  });

  it("answers 404 for an unknown server", async () => {
    expect((await apiGet("/api/servers/nope/authorities")).status).toBe(404);
  });
});
