import type { BundleCopy, Check, EventTime } from "./rotation-types";

/** "2 min 5 s" from seconds (whole seconds, at least 0). */
export function spell(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
}

/** Seconds since `event`, or null when unknown. */
export function secondsSince(event: EventTime | null, now: number): number | null {
  return event ? (now - Date.parse(event.at)) / 1000 : null;
}

const howKnown: Record<EventTime["source"], string> = {
  console: "through this console",
  certificate: "by its certificate",
  estimate: "estimated from the CA lifetime",
};

/** "published 3 min ago (by its certificate)". */
export function describeEvent(verb: string, event: EventTime | null, now: number): string {
  const since = secondsSince(event, now);
  return since === null || !event
    ? `${verb} at an unknown time`
    : `${verb} ${spell(since)} ago (${howKnown[event.source]})`;
}

/** Whether one copy of the bundle holds authority `id`, as a check. */
export function holdsCheck(copy: BundleCopy, id: string, what: string, required = true): Check {
  const base = {
    id: `holds:${copy.kind}:${copy.server ?? (copy.kind === "configmap" ? copy.label : copy.trustDomain)}`,
    label: `${copy.label} holds ${what}`,
    required,
  };
  if (!copy.authorities)
    return { ...base, state: "unknown", detail: copy.reason ?? "The console cannot see this copy." };
  const held = copy.authorities.some((a) => a.id === id);
  const ids = copy.authorities.map((a) => a.id).join(", ") || "none";
  return {
    ...base,
    state: held ? "ok" : "fail",
    detail: held
      ? `Holds it: yes (it holds ${ids}).`
      : `Holds it: no — it holds ${ids}.${copy.updates ? ` ${copy.updates}` : ""}`,
  };
}

/**
 * A partner the console does not administer: it refreshes this bundle at least once per refresh
 * hint, so after one hint since publication it holds what was published.
 */
export function unseenPartnerCheck(copy: BundleCopy, published: EventTime | null, hint: number, now: number): Check {
  const since = secondsSince(published, now);
  const base = {
    id: `holds:partner:${copy.trustDomain}`,
    label: `${copy.label} has had time to refresh`,
    required: true,
  };
  const why = `${copy.reason ?? "The console does not administer it."} Partners fetch this bundle at least every ${spell(hint)} (its refresh hint).`;
  if (since === null) return { ...base, state: "unknown", detail: `${why} The publication time is unknown.` };
  return since >= hint
    ? { ...base, state: "ok", detail: `${why} Published ${spell(since)} ago.` }
    : { ...base, state: "fail", detail: `${why} Published ${spell(since)} ago.`, waitSeconds: Math.ceil(hint - since) };
}

/** Checks that every copy holds `id`: seen copies directly, unseen partners by time. */
export function everyCopyHolds(
  copies: readonly BundleCopy[],
  id: string,
  what: string,
  published: EventTime | null,
  hint: number,
  now: number,
): Check[] {
  return copies.map((copy) =>
    copy.kind === "partner" && !copy.server
      ? unseenPartnerCheck(copy, published, hint, now)
      : holdsCheck(copy, id, what),
  );
}
