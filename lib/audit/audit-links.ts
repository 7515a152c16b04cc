import { links } from "@/lib/links";
import type { AuditRecord } from "@/lib/store/types";

/** The page of an audit record's target: the entry or the agent it is about, or null for other targets. */
export function auditTargetHref(record: Pick<AuditRecord, "target" | "server">): string | null {
  const { target, server } = record;
  if (!server) return null;
  if (target.type === "entry" && target.id) return links.entry(server, target.id);
  const agent = target.spiffeId ?? target.id;
  if (target.type === "agent" && agent?.startsWith("spiffe://")) return links.agent(server, agent);
  return null;
}

/** The audit page's time presets: the last hour, day and week before `now` (epoch ms), as `from=` links. */
export function auditTimePresets(now: number, params: URLSearchParams): { label: string; href: string }[] {
  const presets = [
    ["Last 1 h", 3_600_000],
    ["Last 24 h", 86_400_000],
    ["Last 7 d", 7 * 86_400_000],
  ] as const;
  return presets.map(([label, ms]) => {
    const query = new URLSearchParams(params);
    query.delete("before");
    query.delete("to");
    query.set("from", new Date(now - ms).toISOString());
    return { label, href: links.audit(Object.fromEntries(query)) };
  });
}
