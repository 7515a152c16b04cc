import { controllerManagedReasons } from "@/lib/entries/controller-managed";
import { selectorKey } from "@/lib/entries/match-selectors";
import { links } from "@/lib/links";
import type { Agent, Selector } from "@/lib/spire/types";

import type { DiagnoseInput, Reason } from "./diagnose-workload";
import type { NearMiss } from "./match-entries";

/** What a near miss's reason needs of the diagnosis: the server, the page to come back to, the controller's part. */
export type ReasonInput = Pick<DiagnoseInput, "server" | "returnTo" | "controller">;

const list = (s: readonly Selector[]) => s.map(selectorKey).join(", ");

/** Why the entry's parent does not serve the workload, in a few words. */
function parentText(miss: NearMiss): string {
  const p = miss.parentProblem;
  switch (p?.kind) {
    case "alias-not-covering":
      return `is a node alias that does not cover this node (the agent lacks ${list(p.uncovered)})`;
    case "stale-parent":
      return `is the agent of node UID ${p.nodeUid}, which no longer exists`;
    case "other-agent":
      return "is another agent";
    default:
      return "does not serve this workload";
  }
}

/** Why an entry that nearly matches does not, and the fix that makes it match. */
export function nearMissReason(miss: NearMiss, input: ReasonInput, agent: Agent | null): Reason {
  const reason = nearMissReasonOf(miss, input, agent);
  const owner = input.controller?.owners[miss.entry.id];
  const managed = owner ?? (controllerManagedReasons(miss.entry).length ? "spire-controller-manager" : null);
  if (!managed) return reason;
  return {
    ...reason,
    title: `${reason.title} (it is rendered by ${owner ?? "spire-controller-manager"})`,
    fix:
      `spire-controller-manager owns this entry: change ${owner ?? "the object that renders it"} rather than the ` +
      `entry, or the controller reverts the edit. ${reason.fix}`,
  };
}

// Editing the existing entry comes first: it fixes the workload without leaving a second identity behind.
function nearMissReasonOf(miss: NearMiss, input: ReasonInput, agent: Agent | null): Reason {
  const e = miss.entry;
  const edit = {
    label: "Edit the existing entry",
    href: links.editEntry(input.server, e.id, { returnTo: input.returnTo }),
  };
  const here = agent?.spiffeId ?? null;
  const move = (to: string) => ({
    label: "Edit the existing entry: move it to this node's agent",
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
          ? `Edit it: parent it to a node alias that covers both agents, or move it to ${here} if the other agent's ` +
            `workloads no longer need it. Create a copy under ${here} only as the alternative.`
          : "Parent it to the agent that serves this workload.",
        action: here ? move(here) : edit,
        secondary: here ? createHere(here) : null,
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
        title: `Entry ${e.spiffeId} differs in ${what}: it needs ${diffs}${miss.parentOk ? "" : `, and its parent ${e.parentId} ${parentText(miss)}`}`,
        fix:
          `Edit the existing entry: change its ${what} to the workload's${miss.parentOk || !here ? "" : ` and move it to ${here}`}. ` +
          "Create a second entry only if the workload should have another identity.",
        action: miss.parentOk || !here ? edit : move(here),
        secondary: {
          label: "Create with the workload's values",
          href: links.newEntry(input.server, {
            parentId: miss.parentOk ? e.parentId : (here ?? e.parentId),
            spiffeId: e.spiffeId,
            selectors: fixed,
            returnTo: input.returnTo,
          }),
        },
      };
    }
  }
}
