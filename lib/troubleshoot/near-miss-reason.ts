import { selectorKey } from "@/lib/entries/match-selectors";
import { links } from "@/lib/links";
import type { Agent, Selector } from "@/lib/spire/types";

import type { DiagnoseInput, Reason } from "./diagnose-workload";
import type { NearMiss } from "./match-entries";

const list = (s: readonly Selector[]) => s.map(selectorKey).join(", ");

/** Why an entry that nearly matches does not, and the fix that makes it match. */
export function nearMissReason(miss: NearMiss, input: DiagnoseInput, agent: Agent | null): Reason {
  const e = miss.entry;
  const edit = { label: "Edit entry", href: links.editEntry(input.server, e.id, { returnTo: input.returnTo }) };
  const here = agent?.spiffeId ?? null;
  // Moving the existing entry fixes it without leaving a stale duplicate behind.
  const move = (to: string) => ({
    label: "Move the entry to this node's agent",
    href: links.editEntry(input.server, e.id, { parentId: to, returnTo: input.returnTo }),
  });
  const createHere = (to: string) => ({
    label: "Create under this node's agent",
    href: links.newEntry(input.server, {
      parentId: to,
      spiffeId: e.spiffeId,
      selectors: e.selectors,
      returnTo: input.returnTo,
    }),
  });
  const p = miss.parentProblem;
  switch (miss.kind) {
    case "stale-parent":
      return {
        code: "stale-parent",
        blocking: true,
        title: `Entry ${e.spiffeId} has the right selectors but is parented to ${e.parentId}, an agent of node UID ${p?.kind === "stale-parent" ? p.nodeUid : "?"} that no longer exists`,
        fix: here
          ? `Re-parent it to this node's agent ${here} (or to a node alias that covers it).`
          : "Re-parent it to an agent that serves this workload.",
        action: here ? move(here) : edit,
        secondary: here ? createHere(here) : null,
      };
    case "other-agent":
      return {
        code: "other-agent",
        blocking: true,
        title: `Entry ${e.spiffeId} has the right selectors but is parented to another agent (${e.parentId})`,
        fix: here
          ? `Create it under ${here} too, or parent it to a node alias that covers both agents.`
          : "Parent it to the agent that serves this workload.",
        action: here ? createHere(here) : edit,
        secondary: here ? move(here) : null,
      };
    case "alias-not-covering":
      return {
        code: "alias-not-covering",
        blocking: true,
        title: `Entry ${e.spiffeId} is parented to node alias ${e.parentId}, which does not cover this agent (it lacks ${p?.kind === "alias-not-covering" ? list(p.uncovered) : "the alias's selectors"})`,
        fix: here
          ? `Parent the entry to ${here} or to an alias that covers it, or widen the alias's selectors.`
          : "Widen the alias's selectors to cover the agent.",
        action: here ? move(here) : edit,
        secondary: here ? createHere(here) : null,
      };
    case "parent-elsewhere":
      return {
        code: "parent-elsewhere",
        blocking: true,
        title: `Entry ${e.spiffeId} has the right selectors but its parent ${e.parentId} is neither this agent nor an alias covering it`,
        fix: "Parent it to the node's agent or a covering alias.",
        action: edit,
      };
    default: {
      const diffs = miss.differences
        .map(
          (d) =>
            `${selectorKey(d.expected)} (the workload has ${d.actual.length ? list(d.actual) : "no such selector"})`,
        )
        .join("; ");
      const fixed = e.selectors.map(
        (s) => miss.differences.find((d) => selectorKey(d.expected) === selectorKey(s))?.actual[0] ?? s,
      );
      const what =
        miss.kind === "namespace" ? "namespace" : miss.kind === "service-account" ? "service account" : "selectors";
      return {
        code: miss.kind,
        blocking: true,
        title: `Entry ${e.spiffeId} differs in ${what}: it needs ${diffs}${miss.parentOk ? "" : `, and its parent ${e.parentId} does not serve this workload`}`,
        fix: `Change the entry's ${what} to match the workload (or create an entry with the workload's values).`,
        action: {
          label: "Create with the workload's values",
          href: links.newEntry(input.server, {
            parentId: miss.parentOk ? e.parentId : (agent?.spiffeId ?? e.parentId),
            spiffeId: e.spiffeId,
            selectors: fixed,
            returnTo: input.returnTo,
          }),
        },
        secondary: edit,
      };
    }
  }
}
