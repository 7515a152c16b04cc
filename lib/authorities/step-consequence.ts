import type { RotationFacts, StepId } from "./rotation-types";

const kindName = { x509: "X.509", jwt: "JWT", wit: "WIT" } as const;

function holders(facts: RotationFacts): string {
  const others = facts.copies.filter((c) => c.kind !== "server").map((c) => c.label);
  return others.length ? others.join("; ") : "no other copy the console knows of";
}

/** What a step breaks and for whom, in the words its confirmation uses. */
export function stepConsequence(facts: RotationFacts, step: StepId, authorityId: string | null): string {
  const what = kindName[facts.kind];
  const td = facts.trustDomain;
  const id = authorityId ?? "the authority";
  switch (step) {
    case "prepare":
      return (
        `A new ${what} authority joins ${td}'s bundle. Nothing signs with it yet, so nothing breaks; every copy ` +
        `(${holders(facts)}) must hold it before it is activated.`
      );
    case "activate":
      return (
        `${facts.server} signs every new ${what} SVID with ${id} from now on. Whoever validates them with a copy of ` +
        `${td}'s bundle that lacks ${id} rejects them: the copies the console checks are ${holders(facts)}; a copy ` +
        "it cannot see (a partner it does not administer, a bundle file baked into an image) is not checked."
      );
    case "taint":
      return facts.kind === "x509"
        ? `Every agent of ${facts.server} replaces the SVIDs ${id} signed within about 11 s, and its workloads ` +
            "receive new ones; a workload that reads its SVID once instead of watching the Workload API keeps the " +
            "old one until it restarts, and fails once the old authority is revoked."
        : `Agents drop the ${what}-SVIDs ${id} signed and fetch new ones; tokens already handed out stay valid ` +
            "until they expire.";
    case "revoke":
      return (
        `${id} leaves ${td}'s bundle, and every copy drops it as it refreshes. From then on everything it signed is ` +
        `rejected by the workloads of ${td} and by ${holders(facts)}: an offline agent or a workload still ` +
        "presenting an SVID or token from it fails until it gets a new one. This cannot be undone."
      );
  }
}
