import { actionWords } from "./actions";
import type { Binding, Principal } from "./principal";
import { isScopedWriter, roleActions } from "./roles";

/** One of the principal's grants on one server, in the words the UI shows. */
export type ScopeLine = {
  role: Binding["role"];
  source: string;
  /** Where the SPIFFE IDs it may write start ("any" when unlimited); empty for roles that write no entries. */
  spiffeIdPrefixes: readonly string[] | "any";
  dnsSuffixes: readonly string[] | "any";
  parentIdPrefixes: readonly string[] | "any";
  selectorPrefixes: readonly string[] | "any";
  /** What the role does not allow on entries, in plain words (admin, downstream, node entries). */
  limits: readonly string[];
};

const appliesTo = (binding: Binding, server: string) => !binding.servers || binding.servers.includes(server);

/** The principal's bindings that may write entries on `server`, each with its scope (the form's scope note). */
export function describeWriteScope(principal: Principal | null, server: string): ScopeLine[] {
  return (principal?.bindings ?? [])
    .filter((b) => appliesTo(b, server) && roleActions[b.role].has("entries.write"))
    .map((b) => {
      const scoped = isScopedWriter(b.role);
      return {
        role: b.role,
        source: b.source,
        spiffeIdPrefixes: b.spiffeIdPrefixes ?? "any",
        dnsSuffixes: scoped ? (b.dnsSuffixes ?? []) : (b.dnsSuffixes ?? "any"),
        parentIdPrefixes: scoped ? (b.parentIdPrefixes ?? []) : "any",
        selectorPrefixes: scoped ? (b.selectorPrefixes ?? []) : "any",
        limits: scoped ? [`${b.role}s may not create or change admin, downstream or node entries`] : [],
      };
    });
}

/** The path the entry form starts with for a scoped writer: the first SPIFFE-ID prefix's path, or "". */
export function allowedPathPrefix(principal: Principal | null, server: string, trustDomain: string): string {
  const root = `spiffe://${trustDomain}`;
  for (const line of describeWriteScope(principal, server)) {
    if (line.spiffeIdPrefixes === "any") return "";
    const prefix = line.spiffeIdPrefixes.find((p) => p.startsWith(`${root}/`));
    if (prefix) return prefix.slice(root.length).replace(/\/?$/, "/");
  }
  return "";
}

/** The servers among `servers` the principal may see at all (the server switcher lists only these). */
export function permittedServers<S extends { name: string }>(principal: Principal | null, servers: readonly S[]): S[] {
  return servers.filter((s) => principal?.bindings.some((b) => appliesTo(b, s.name)));
}

/** Every action of a role in plain words ("read entries", "ban agents"), for the "Your access" page. */
export function describeRole(role: Binding["role"]): string[] {
  return [...roleActions[role]].filter((a) => a !== "session").map((a) => actionWords[a]);
}
