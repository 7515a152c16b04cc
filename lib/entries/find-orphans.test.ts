import { describe, expect, it } from "vitest";

import type { Entry } from "@/lib/spire/types";

import { aliasCoversAgent } from "./alias-coverage";
import { findOrphans } from "./find-orphans";

const e = (id: string, spiffeId: string, parentId: string) => ({ id, spiffeId, parentId }) as Entry;
const SERVER = "spiffe://t/spire/server";

describe("findOrphans", () => {
  it("keeps entries under the server, agents and other entries; lists the rest", () => {
    const entries = [
      e("1", "spiffe://t/alias", SERVER),
      e("2", "spiffe://t/w", "spiffe://t/alias"),
      e("3", "spiffe://t/x", "spiffe://t/spire/agent/a"),
      e("4", "spiffe://t/y", "spiffe://t/spire/agent/evicted"),
      e("5", "spiffe://t/y/child", "spiffe://t/y"),
    ];
    const orphans = findOrphans(entries, SERVER, new Set(["spiffe://t/spire/agent/a"]));
    expect(orphans.map((o) => [o.entry.id, o.reason])).toEqual([["4", "missing-parent"]]);
  });

  it("reports entries caught in a parent cycle as unreachable", () => {
    const entries = [e("1", "spiffe://t/a", "spiffe://t/b"), e("2", "spiffe://t/b", "spiffe://t/a")];
    expect(findOrphans(entries, SERVER, new Set()).map((o) => o.reason)).toEqual(["unreachable", "unreachable"]);
  });
});

describe("aliasCoversAgent", () => {
  const sel = (...k: string[]) => k.map((x) => ({ type: "x509pop", value: x }));
  it("covers when the alias selectors are a subset of the agent's", () => {
    expect(aliasCoversAgent({ selectors: sel("ca:1") }, { selectors: sel("ca:1", "cn:a") })).toBe(true);
    expect(aliasCoversAgent({ selectors: sel("ca:1", "cn:b") }, { selectors: sel("ca:1", "cn:a") })).toBe(false);
  });
  it("never covers with an empty selector list", () => {
    expect(aliasCoversAgent({ selectors: [] }, { selectors: sel("ca:1") })).toBe(false);
  });
});
