import { describe, expect, it } from "vitest";

import { matchPage } from "./page-access";

describe("matchPage", () => {
  it.each([
    ["/", "/", "servers.read"],
    ["/entries", "/entries", "entries.read"],
    ["/entries/new", "/entries/new", "entries.write"],
    ["/entries/import", "/entries/import", "entries.write"],
    ["/entries/abc-123", "/entries/[id]", "entries.read"],
    ["/entries/abc-123/edit", "/entries/[id]/edit", "entries.write"],
    ["/agents/spiffe%3A%2F%2Ffoo%2Fa", "/agents/[agentId]", "agents.read"],
    ["/settings/tokens", "/settings/tokens", "tokens.manage"],
  ])("%s is %s (%s)", (path, route, action) => {
    expect(matchPage(path)).toMatchObject({ route, access: { action } });
  });

  it("knows no page it was not told about (deny by default)", () => {
    expect(matchPage("/settings")).toBeNull();
    expect(matchPage("/entries/a/b/c")).toBeNull();
    expect(matchPage("/audit/x")).toBeNull();
  });
});
