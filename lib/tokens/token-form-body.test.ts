import { describe, expect, it } from "vitest";

import { checkTokenBody, fieldErrors, tokenBodyFromForm } from "./token-form-body";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("the New token form's body", () => {
  it("sends every bound filled in, and nothing for the empty ones (deny by default)", () => {
    const body = tokenBodyFromForm(
      form({
        name: " ci ",
        role: "editor",
        servers: "foo",
        prefixes: "spiffe://foo.example.com/team-a/",
        parents: "spiffe://foo.example.com/spire/agent, spiffe://foo.example.com/alias",
        selectors: "k8s:ns:team-a unix:uid",
        x509Ttl: "3600",
        jwtTtl: "",
        federatesWith: "",
        storeSvid: "on",
        days: "",
      }),
    );
    expect(body).toEqual({
      name: "ci",
      bindings: [
        {
          role: "editor",
          servers: ["foo"],
          spiffeIdPrefixes: ["spiffe://foo.example.com/team-a/"],
          parentIdPrefixes: ["spiffe://foo.example.com/spire/agent", "spiffe://foo.example.com/alias"],
          selectorPrefixes: ["k8s:ns:team-a", "unix:uid"],
          maxX509SvidTtl: 3600,
          storeSvid: true,
        },
      ],
    });
    expect(checkTokenBody(body)).toEqual([]);
  });

  it("names the field of each mistake, as the route's schema finds it", () => {
    const body = tokenBodyFromForm(
      form({ name: "x", role: "editor", selectors: "nonsense", jwtTtl: "-5", federatesWith: "not a domain!" }),
    );
    const fields = fieldErrors(checkTokenBody(body));
    expect(Object.keys(fields).sort()).toEqual(["federatesWith", "maxJwtSvidTtl", "selectorPrefixes"]);
    expect(fields.selectorPrefixes).toMatch(/must be type:value/);
    expect(fields.maxJwtSvidTtl).toMatch(/must not be negative/);
    expect(fieldErrors([{ path: "name", message: "Name is required" }])).toEqual({ name: "Name is required" });
  });
});
