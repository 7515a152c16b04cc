import { afterAll, describe, expect, inject, it } from "vitest";

import { setConsoleSvidTtl } from "../../scripts/stack/console-identity.ts";
import { apiGet, stackState, waitFor } from "../support/api";
import { serversAndIdentity } from "../support/mtls";

// The console's entry gets a 1-minute X509-SVID TTL: the agent re-issues at once (the entry's
// revision changed) and then rotates at half-life, so three SVIDs (two rotations) take ~40 s.
const TTL_SECONDS = 60;

describe("rotation of the console's X509-SVID", () => {
  afterAll(() => setConsoleSvidTtl(inject("stackDir"), 0, stackState().bin.spireServer));

  it("keeps every call to bar succeeding across two rotations and reports each new expiry", async () => {
    const stackDir = inject("stackDir");
    const initial = (await serversAndIdentity()).identity;
    expect(initial.state).toBe("ready");

    // Calls to bar run back to back for the whole test; every one must succeed.
    const failures: string[] = [];
    let calls = 0;
    let stop = false;
    const load = (async () => {
      while (!stop) {
        const batch = await Promise.all(
          [1, 2, 3].map(() => apiGet<{ error?: { message: string } }>("/api/servers/bar/entries?pageSize=2")),
        );
        for (const res of batch) {
          calls += 1;
          if (res.status !== 200) failures.push(`${res.status} ${res.body.error?.message}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    await setConsoleSvidTtl(stackDir, TTL_SECONDS, stackState().bin.spireServer);
    const expiries = [initial.expiresAt];
    try {
      for (let rotation = 1; rotation <= 2; rotation++) {
        const next = await waitFor(
          async () => {
            const { identity } = await serversAndIdentity();
            return identity.expiresAt && !expiries.includes(identity.expiresAt) ? identity : undefined;
          },
          (TTL_SECONDS / 2 + 30) * 1000,
          `rotation ${rotation}`,
        );
        expiries.push(next.expiresAt);
        const lifetime = Date.parse(next.expiresAt!) - Date.now();
        expect(lifetime, `rotation ${rotation}: a ${TTL_SECONDS}s SVID`).toBeLessThanOrEqual(TTL_SECONDS * 1000);
        expect(next).toMatchObject({ state: "ready", error: null, expired: false });
        // The server card is reached over the new channel too.
        const bar = (await serversAndIdentity()).servers.find((s) => s.name === "bar");
        expect(bar?.healthy, JSON.stringify(bar?.error)).toBe(true);
      }
    } finally {
      stop = true;
      await load;
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(50);
    expect(new Set(expiries).size).toBe(3);
  }, 240_000);
});
