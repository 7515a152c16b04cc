// A principal for the unit tests of the authorization decisions (lib/auth): a user with the given
// bindings, each named `binding <n>` as its source.
import type { Binding, Principal } from "@/lib/auth/principal";

/** A signed-in user holding these bindings (sources filled in as `binding 0`, `binding 1`, …). */
export function testPrincipal(...bindings: Omit<Binding, "source">[]): Principal {
  return {
    kind: "user",
    method: "oidc",
    subject: "sub",
    issuer: "https://idp",
    name: "Someone",
    email: null,
    groups: [],
    tokenId: null,
    bindings: bindings.map((b, i) => ({ ...b, source: `binding ${i}` })),
  };
}

/** Team A's editor on foo (foo.example.com): its SPIFFE-ID prefix, DNS suffix, parents and selectors. */
export function teamAEditor(): Principal {
  const td = "spiffe://foo.example.com";
  return testPrincipal({
    role: "editor",
    servers: ["foo"],
    spiffeIdPrefixes: [`${td}/team-a`],
    dnsSuffixes: ["team-a.svc"],
    parentIdPrefixes: [`${td}/spire/agent`],
    selectorPrefixes: ["k8s:ns:team-a"],
  });
}
