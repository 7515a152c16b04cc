import { describe, expect, it } from "vitest";

import { chooseServer, switchServerHref } from "./server-choice";

const configured = ["foo", "bar"];

describe("chooseServer", () => {
  it("takes ?server= when it names a configured server", () => {
    expect(chooseServer(configured, "bar", "foo")).toEqual({ ok: true, name: "bar", from: "url" });
  });

  it("says an unknown ?server= is unknown instead of falling back", () => {
    expect(chooseServer(configured, "baz", "bar")).toEqual({ ok: false, requested: "baz", configured });
  });

  it("uses the remembered server, then the first one", () => {
    expect(chooseServer(configured, null, "bar")).toEqual({ ok: true, name: "bar", from: "remembered" });
    expect(chooseServer(configured, undefined, "gone")).toEqual({ ok: true, name: "foo", from: "default" });
    expect(chooseServer([], null, null)).toEqual({ ok: true, name: "", from: "default" });
  });
});

describe("switchServerHref", () => {
  const none = new URLSearchParams();
  it("goes from a detail page to the other server's list", () => {
    expect(switchServerHref("/entries/abc", none, "bar")).toBe("/entries?server=bar");
    expect(switchServerHref("/entries/abc/edit", none, "bar")).toBe("/entries?server=bar");
    expect(switchServerHref("/agents/spiffe%3A%2F%2Ffoo", none, "bar")).toBe("/agents?server=bar");
  });

  it("keeps the entry list's view but drops filters and form prefills", () => {
    const search = new URLSearchParams("server=foo&view=table&parentId=spiffe://foo.example.com/x");
    expect(switchServerHref("/entries", search, "bar")).toBe("/entries?server=bar&view=table");
    expect(switchServerHref("/entries/new", new URLSearchParams("parentId=x"), "bar")).toBe("/entries/new?server=bar");
    expect(switchServerHref("/troubleshoot", new URLSearchParams("name=pod"), "bar")).toBe("/troubleshoot?server=bar");
  });
});
